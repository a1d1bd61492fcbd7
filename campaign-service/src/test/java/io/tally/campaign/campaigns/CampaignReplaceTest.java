package io.tally.campaign.campaigns;

import static io.tally.campaign.CampaignFixtures.CAMPAIGN;
import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.campaignsConsumer;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.pollFor;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.json.EventJson;

/** Replacing a campaign: If-Match, the next CampaignChanged version, code conflicts and the history. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class CampaignReplaceTest {

    private static ExtractableResponse<Response> put(String id, String ifMatch, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(CAMPAIGN, id).then().extract();
    }

    @Test
    void aReplacePublishesTheNextVersionWithTheNewCodesAndIsInTheHistory() {
        String programme = createProgramme(unique("Replace campaign"));
        String oldCode = unique("old");
        String newCode = unique("New");
        String id = createCampaign(programme, "Before", List.of(oldCode));
        String etag = given().when().get(CAMPAIGN, id).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        var body = campaign("After", "email", List.of(newCode));
        put(id, null, body).response().then().statusCode(428);
        ExtractableResponse<Response> replaced = put(id, etag, body);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(replaced.<List<String>> path("trackingCodes.code")).containsExactly(newCode.toLowerCase());
        put(id, etag, body).response().then().statusCode(412);

        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<CampaignChanged> events = pollFor(consumer, id, seen).stream()
                        .map(r -> EventJson.read(r.value(), CampaignChanged.class)).toList();
                CampaignChanged v2 = events.stream().filter(e -> e.version() == 2).findFirst().orElseThrow();
                assertThat(v2.trackingCodes()).extracting(CampaignChanged.TrackingCode::code)
                        .containsExactly(newCode.toLowerCase());
                assertThat(v2.name()).isEqualTo("After");
            });
        }
        given().when().get(CAMPAIGN + "/history", id).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].version", equalTo(2))
                .body("items[0].changes.trackingCodes.to[0].code", equalTo(newCode.toLowerCase()))
                .body("items[0].changes.channel.from", equalTo("paid_social"))
                .body("items[1].action", equalTo("created"));
        // the old code is free again
        createCampaign(programme, "Reuses the old code", List.of(oldCode));
    }

    @Test
    void aCodeOfAnotherCampaignIsAConflictButItsOwnCodesMayStay() {
        String programme = createProgramme(unique("Codes"));
        String taken = unique("taken");
        String own = unique("own");
        String other = createCampaign(programme, "Owner", List.of(taken));
        String id = createCampaign(programme, "Mine", List.of(own));
        put(id, "\"1\"", campaign("Mine", "paid_social", List.of(own, taken))).response().then().statusCode(409)
                .contentType(PROBLEM_JSON).body("detail", containsString(other));
        assertThat(put(id, "\"1\"", campaign("Mine renamed", "paid_social", List.of(own))).statusCode())
                .isEqualTo(200);
    }
}
