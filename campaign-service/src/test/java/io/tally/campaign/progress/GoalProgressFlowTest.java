package io.tally.campaign.progress;

import static io.tally.campaign.CampaignFixtures.consumerOf;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.programme;
import static io.tally.campaign.CampaignFixtures.send;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tally.campaign.alerts.GoalMonitor;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.Attribution;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.GoalStatusChanged;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/**
 * The goal loop on the real broker and database: programme → campaign with a code → goal; attribution and cost
 * events in → progress moves; a status change is an alert and a GoalStatusChanged on tally.goal-status.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class GoalProgressFlowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    GoalMonitor monitor;

    private static Attribution credit(String programme, String campaign, String amount) {
        return new Attribution("att-" + UUID.randomUUID(), "order:" + UUID.randomUUID(), "o-" + UUID.randomUUID(),
                Instant.now().minusSeconds(3600), "linear", "linear@1", Attribution.Kind.ORIGINAL,
                Money.of(amount, "EUR"), List.of(new Attribution.Credit("tp-" + UUID.randomUUID(),
                        Channel.PAID_SOCIAL, UUID.fromString(campaign), UUID.fromString(programme),
                        Money.of(amount, "EUR"), BigDecimal.ONE)));
    }

    private static JsonPath progress(String programme, String period) {
        return given().queryParam("period", period).when().get("/api/v1/programmes/{id}/progress", programme)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aProgrammesOwnCostsCountInItsTotalAndACorrectedLineCountsOnce() throws Exception {
        String programme = createProgramme(unique("Costs")); // EUR, Europe/Berlin
        String code = unique("search");
        String campaign = createCampaign(programme, "Search", List.of(code));
        LocalDate today = LocalDate.now(BERLIN);
        String period = today.minusDays(1) + ".." + today.plusDays(1);
        String line = "google-ads:" + code + ":" + today;
        send(Topics.ATTRIBUTIONS, "c", EventJson.toBytes(credit(programme, campaign, "600.00")));
        send(Topics.COSTS, code, EventJson.toBytes(new Cost("cost-" + UUID.randomUUID(), line, today,
                Channel.PAID_SEARCH, code, null, "media", "google-ads", Money.of("80.00", "EUR"), null, null, null,
                null)));
        send(Topics.COSTS, code, EventJson.toBytes(new Cost("cost-" + UUID.randomUUID(), line, today,
                Channel.PAID_SEARCH, code, null, "media", "google-ads", Money.of("100.00", "EUR"), null, null, null,
                null))); // the same line corrected: 100.00, not 180.00
        send(Topics.COSTS, programme, EventJson.toBytes(new Cost("cost-" + UUID.randomUUID(), null, today, null, null,
                UUID.fromString(programme), "agency", "finance", Money.of("50.00", "EUR"), null, null, null, null)));

        // 600.00 against 100.00 + 50.00 (the agency fee is the programme's, in no campaign or channel)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = progress(programme, period);
            assertThat(p.getString("attributed")).isEqualTo("600.00");
            assertThat(p.getString("cost")).isEqualTo("150.00");
        });
        JsonPath p = progress(programme, period);
        assertThat(p.getString("roas")).isEqualTo("4.0000");
        assertThat(p.getList("byCampaign.collect { it.name + ' ' + it.cost }")).containsExactly("Search 100.00");
        assertThat(p.getList("byChannel.collect { it.channel + ' ' + it.cost }"))
                .containsExactly("paid_search 100.00", "paid_social 0.00");
    }

    @Test
    void eventsMoveProgressAndStatusChangesAreAlertsAndEvents() throws Exception {
        String programme = createProgramme(unique("Goal loop")); // EUR, Europe/Berlin, official model linear
        String code = unique("loop");
        String campaign = createCampaign(programme, "Loop social", List.of(code));
        LocalDate today = LocalDate.now(BERLIN);
        // a 30-day period, a third of it gone: about 1,000.00 of 3,000.00 expected by now
        String period = today.minusDays(10) + ".." + today.plusDays(19);
        String goal = given().contentType(ContentType.JSON)
                .body(Map.of("period", period, "amount", "3000.00", "currency", "EUR"))
                .when().post("/api/v1/programmes/{id}/goals", programme).then().statusCode(201).extract().path("id");

        send(Topics.ATTRIBUTIONS, "a", EventJson.toBytes(credit(programme, campaign, "500.00")));
        send(Topics.COSTS, code, EventJson.toBytes(new Cost("cost-" + UUID.randomUUID(), today, Channel.PAID_SOCIAL,
                code.toUpperCase(), "meta", Money.of("100.00", "EUR"), null, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = progress(programme, period);
            assertThat(p.getString("attributed")).isEqualTo("500.00");
            assertThat(p.getString("cost")).isEqualTo("100.00");
        });
        JsonPath p = progress(programme, period);
        assertThat(p.getString("roas")).isEqualTo("5.0000");
        assertThat(p.getString("model")).isEqualTo("linear");
        assertThat(p.getString("goals[0].goalId")).isEqualTo(goal);
        assertThat(p.getString("goals[0].percentOfGoal")).isEqualTo("16.67");
        assertThat(p.getString("goals[0].forecastMethod")).isEqualTo("run_rate_linear");
        assertThat(p.getString("goals[0].status")).isEqualTo("behind"); // 500 of about 1,000 expected
        assertThat(p.getString("byCampaign[0].name")).isEqualTo("Loop social");
        assertThat(p.getString("byChannel[0].channel")).isEqualTo("paid_social");
        assertThat(p.getString("byChannel[0].roas")).isEqualTo("5.0000");

        // the monitor records the first status, then the change after more revenue, and nothing when unchanged
        monitor.evaluateAll(Instant.now());
        send(Topics.ATTRIBUTIONS, "b", EventJson.toBytes(credit(programme, campaign, "700.00")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(progress(programme, period).getString("attributed"))
                        .isEqualTo("1200.00"));
        monitor.evaluateAll(Instant.now());
        monitor.evaluateAll(Instant.now());
        given().queryParam("programmeId", programme).when().get("/api/v1/alerts").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].previousStatus", equalTo("behind"))
                .body("items[0].status", equalTo("on_track"))
                .body("items[0].attributed", equalTo("1200.00"))
                .body("items[1].status", equalTo("behind"));
        given().when().get("/api/v1/goals/{id}", goal).then().body("status", equalTo("on_track"));

        try (KafkaConsumer<String, byte[]> consumer = consumerOf(Devstack.shared().kafka(),
                Topics.GOAL_STATUS)) {
            List<GoalStatusChanged> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (goal.equals(r.key())) {
                        seen.add(EventJson.read(r.value(), GoalStatusChanged.class));
                    }
                }
                assertThat(seen).extracting(GoalStatusChanged::status).containsExactly("behind", "on_track");
            });
            assertThat(seen.get(1).previousStatus()).isEqualTo("behind");
            assertThat(seen.get(1).attributed()).isEqualTo(Money.of("1200.00", "EUR"));
        }
    }

    @Test
    void beforeThePeriodNothingIsCountedOrForecast() {
        String programme = createProgramme(unique("Early"));
        given().contentType(ContentType.JSON).body(Map.of("period", "2026-11", "amount", "1000", "currency", "EUR"))
                .when().post("/api/v1/programmes/{id}/goals", programme).then().statusCode(201);
        given().queryParam("period", "2026-11").queryParam("asOf", "2026-10-20T10:00:00Z")
                .when().get("/api/v1/programmes/{id}/progress", programme).then().statusCode(200)
                .body("attributed", equalTo("0.00"))
                .body("goals[0].forecastMethod", equalTo("not_started"))
                .body("goals[0].expectedToDate", equalTo("0.00"))
                .body("goals[0].status", equalTo("on_track"));
        given().queryParam("period", "2026-14").when().get("/api/v1/programmes/{id}/progress", programme)
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
    }

    @Test
    void aProgrammesWeekdayPacingShapesWhatIsExpected() {
        Map<String, Object> body = programme(unique("Weekday pacing"));
        body.put("pacing", "weekday");
        body.put("weekdayWeights", Map.of("Saturday", "0", "sunday", "0.00"));
        String programme = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/programmes")
                .then().statusCode(201).body("pacing", equalTo("weekday"))
                .body("weekdayWeights.saturday", equalTo("0")).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("period", "2026-11-02..2026-11-08", "amount", "5000", "currency", "EUR"))
                .when().post("/api/v1/programmes/{id}/goals", programme).then().statusCode(201);

        // Thursday 00:00 in Berlin: Mon–Wed are 3 of the 5 weighted days (linear would expect 3/7: 2142.86)
        given().queryParam("period", "2026-11-02..2026-11-08").queryParam("asOf", "2026-11-04T23:00:00Z")
                .when().get("/api/v1/programmes/{id}/progress", programme).then().statusCode(200)
                .body("pacing", equalTo("weekday"))
                .body("goals[0].expectedToDate", equalTo("3000.00"))
                .body("goals[0].forecastMethod", equalTo("run_rate_weekday"))
                // the curve by each day's end: Mon–Fri a fifth each, nothing more on the weekend
                .body("pacingCurve.day", org.hamcrest.Matchers.contains("2026-11-02", "2026-11-03", "2026-11-04",
                        "2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08"))
                .body("pacingCurve.expectedFraction", org.hamcrest.Matchers.contains("0.200000", "0.400000",
                        "0.600000", "0.800000", "1.000000", "1.000000", "1.000000"));

        body.put("weekdayWeights", Map.of("funday", "1", "monday", "-2"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/programmes").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("weekdayWeights.funday",
                        "weekdayWeights.monday"));
    }
}
