package io.tally.campaign.codes;

import static io.tally.campaign.CampaignFixtures.CAMPAIGN;
import static io.tally.campaign.CampaignFixtures.CAMPAIGNS_OF;
import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.campaignsConsumer;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.send;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class TrackingCodeResourceTest {

    /** 2026-12-01 00:00 in Europe/Berlin, the fixtures' programme time zone. */
    private static final String DEC_1_BERLIN = "2026-11-30T23:00:00Z";

    @Test
    void codesHaveATypeAndAPlainStringMeansOther() {
        String programme = createProgramme(unique("Typed"));
        String coupon = unique("BF-Coupon");
        String utm = unique("bf-utm");
        given().contentType(ContentType.JSON)
                .body(campaign("Typed", "email", List.of(Map.of("code", coupon, "type", "coupon"), utm)))
                .when().post(CAMPAIGNS_OF, programme).then().statusCode(201)
                .body("trackingCodes.code", contains(coupon.toLowerCase(), utm))
                .body("trackingCodes.type", contains("coupon", "other"))
                .body("trackingCodes[0].validFrom", nullValue())
                .body("trackingCodes[0].validUntil", nullValue());
        given().contentType(ContentType.JSON)
                .body(campaign("Bad type", "email", List.of(Map.of("code", unique("x"), "type", "sms"))))
                .when().post(CAMPAIGNS_OF, programme).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("trackingCodes[0].type"))
                .body("errors[0].reason", containsString("utm_campaign"));
    }

    @Test
    void aRepointedCodeKeepsItsHistoryAndBothCampaignsArePublished() {
        String programme = createProgramme(unique("Repoint"));
        String code = unique("bf");
        String a = createCampaign(programme, "Black Friday", List.of(Map.of("code", code, "type", "coupon")));
        String b = createCampaign(programme, "Christmas", List.of());

        List<Map<String, Object>> history = given().contentType(ContentType.JSON)
                .body(Map.of("campaignId", b, "from", "2026-12-01"))
                .when().post("/api/v1/tracking-codes/{code}/repoint", code.toUpperCase())
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("campaignId", a).containsEntry("validUntil", DEC_1_BERLIN)
                .doesNotContainKey("validFrom").containsEntry("type", "coupon"); // nulls are left out
        assertThat(history.get(1)).containsEntry("campaignId", b).containsEntry("validFrom", DEC_1_BERLIN)
                .doesNotContainKey("validUntil").containsEntry("campaignName", "Christmas");
        given().when().get("/api/v1/tracking-codes/{code}", code).then().statusCode(200)
                .body("campaignId", contains(a, b));
        given().queryParam("campaignId", a).when().get("/api/v1/tracking-codes").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].validUntil", equalTo(DEC_1_BERLIN));

        // both campaigns moved to version 2, with an audit entry, and published it
        given().when().get(CAMPAIGN, a).then().header("ETag", "\"2\"")
                .body("trackingCodes[0].validUntil", equalTo(DEC_1_BERLIN));
        given().when().get(CAMPAIGN + "/history", b).then()
                .body("items[0].version", equalTo(2))
                .body("items[0].changes.trackingCodes.to[0].validFrom", equalTo(DEC_1_BERLIN));
        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                assertThat(version(seen, a, 2).trackingCodes()).containsExactly(new CampaignChanged.TrackingCode(
                        code.toLowerCase(), "coupon", null, Instant.parse(DEC_1_BERLIN)));
                assertThat(version(seen, b, 2).trackingCodes()).containsExactly(new CampaignChanged.TrackingCode(
                        code.toLowerCase(), "coupon", Instant.parse(DEC_1_BERLIN), null));
            });
        }

        // A keeps its ended span when it is replaced with the code listed; a third campaign cannot take the code
        String etag = given().when().get(CAMPAIGN, a).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(campaign("Black Friday", "paid_social", List.of(code)))
                .when().put(CAMPAIGN, a).then().statusCode(200)
                .body("trackingCodes[0].validUntil", equalTo(DEC_1_BERLIN))
                .body("trackingCodes[0].type", equalTo("other"));
        given().contentType(ContentType.JSON).body(campaign("Third", "email", List.of(code)))
                .when().post(CAMPAIGNS_OF, programme).then().statusCode(409)
                .body("detail", containsString("Christmas"));
    }

    @Test
    void repointingMustFollowTheSpansSoFar() {
        String programme = createProgramme(unique("Repoint rules"));
        String code = unique("rule");
        String a = createCampaign(programme, "A", List.of(code));
        String b = createCampaign(programme, "B", List.of());
        repoint(code, b, "2026-12-01").then().statusCode(200);
        repoint(code, a, "2026-12-01").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("later instant"));
        repoint(code, b, "2026-12-15").then().statusCode(409)
                .body("detail", containsString("already points at this campaign"));
        repoint(code, UUID.randomUUID().toString(), "2026-12-15").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("campaignId", a))
                .when().post("/api/v1/tracking-codes/{code}/repoint", code).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().when().get("/api/v1/tracking-codes/{code}", unique("never")).then().statusCode(404);
    }

    @Test
    void aDaysCostGoesToTheCampaignTheCodePointsAtThatDay() throws Exception {
        String programme = createProgramme(unique("Costs by span"));
        String code = unique("cost");
        String a = createCampaign(programme, "Before", List.of(code));
        String b = createCampaign(programme, "After", List.of());
        repoint(code, b, "2026-12-01").then().statusCode(200);
        send(Topics.COSTS, code, cost(code, LocalDate.of(2026, 11, 30), "100.00"));
        send(Topics.COSTS, code, cost(code, LocalDate.of(2026, 12, 1), "40.00"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = given().queryParam("period", "2026-11-01..2026-12-31")
                    .queryParam("asOf", "2027-01-05T00:00:00Z")
                    .when().get("/api/v1/programmes/{id}/progress", programme).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(p.getString("cost")).isEqualTo("140.00");
            assertThat(p.getString("byCampaign.find { it.campaignId == '" + a + "' }.cost")).isEqualTo("100.00");
            assertThat(p.getString("byCampaign.find { it.campaignId == '" + b + "' }.cost")).isEqualTo("40.00");
        });
    }

    private static byte[] cost(String code, LocalDate day, String amount) {
        return EventJson.toBytes(new Cost("cost-" + UUID.randomUUID(), day, Channel.PAID_SOCIAL, code, "meta",
                Money.of(amount, "EUR"), null, null, null, null));
    }

    private static io.restassured.response.Response repoint(String code, String campaignId, String from) {
        return given().contentType(ContentType.JSON).body(Map.of("campaignId", campaignId, "from", from))
                .when().post("/api/v1/tracking-codes/{code}/repoint", code);
    }

    private static CampaignChanged version(List<ConsumerRecord<String, byte[]>> records, String campaign,
            long version) {
        return records.stream().filter(r -> campaign.equals(r.key()))
                .map(r -> EventJson.read(r.value(), CampaignChanged.class))
                .filter(e -> e.version() == version).findFirst()
                .orElseThrow(() -> new AssertionError("version " + version + " not (yet) published"));
    }
}
