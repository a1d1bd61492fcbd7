package io.tally.attribution.reports;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sendRaw;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Identifiers;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/**
 * Costs of every kind in programme ROI, worked out by hand: programme "Spring" with Search (paid_search) and Social
 * (paid_social). Revenue: 300.00 through Search, 100.00 through Social. Costs: Search 60.00; Social first reported
 * as 20.00, then corrected to 40.00 (one line, so 40.00 counts); shared agency fee 50.00 and tools 10.00 (no channel).
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ProgrammeCostsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyCostCountsOnceAndSharedCostsAreAllocatedByDirectCost() {
        LocalDate day = uniqueDay();
        UUID programme = UUID.randomUUID();
        String q = code();
        String s = code();
        send(campaign(programme, "Spring", UUID.randomUUID(), 1, "Search", Channel.PAID_SEARCH, List.of(q)));
        send(campaign(programme, "Spring", UUID.randomUUID(), 1, "Social", Channel.PAID_SOCIAL, List.of(s)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", q).get(0)
                .toString().equals("1")
                && sql("SELECT count(*) FROM tracking_code WHERE code = ?1", s).get(0)
                        .toString().equals("1"));
        Identifiers one = customer();
        send(visit(one, at(day, 8), Channel.PAID_SEARCH, q));
        send(purchase(one, at(day, 9), "300.00", "EUR"));
        Identifiers two = customer();
        send(visit(two, at(day, 10), Channel.PAID_SOCIAL, s));
        send(purchase(two, at(day, 11), "100.00", "EUR"));

        cost(new Cost("cost-" + UUID.randomUUID(), "google-ads:" + q + ":" + day, day, Channel.PAID_SEARCH, q, null,
                "media", "google-ads", Money.of("60.00", "EUR"), null, null, null, null));
        String socialLine = "linkedin:" + s + ":" + day;
        cost(new Cost("cost-" + UUID.randomUUID(), socialLine, day, Channel.PAID_SOCIAL, s, null, "media", "linkedin",
                Money.of("20.00", "EUR"), null, null, null, null));
        cost(new Cost("cost-" + UUID.randomUUID(), socialLine, day, Channel.PAID_SOCIAL, s, null, "media", "linkedin",
                Money.of("40.00", "EUR"), null, null, null, null)); // the corrected figure of the same line
        cost(new Cost("cost-" + UUID.randomUUID(), null, day, null, null, programme, "agency", "finance",
                Money.of("50.00", "EUR"), null, null, null, null));
        cost(new Cost("cost-" + UUID.randomUUID(), null, day, null, null, programme, "tools", "finance",
                Money.of("10.00", "EUR"), null, null, null, null));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath p = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                    .queryParam("model", "linear").queryParam("programmeId", programme.toString())
                    .when().get("/api/v1/reports/programme-roi").then().statusCode(200).extract().jsonPath();
            // direct 60.00 + 40.00, shared 60.00: 160.00 against 400.00
            assertThat(p.getString("programmes[0].revenue")).isEqualTo("400.00");
            assertThat(p.getString("programmes[0].cost")).isEqualTo("160.00");
            assertThat(p.getString("programmes[0].sharedCost")).isEqualTo("60.00");
            assertThat(p.getString("programmes[0].roi")).isEqualTo("1.5000");
            assertThat(p.getString("programmes[0].roas")).isEqualTo("2.5000");
            // shared 60.00 by direct cost 60:40 → 36.00 and 24.00; search 300 / 96, social 100 / 64
            assertThat(p.getList("programmes[0].channels.collect { it.channel + ' ' + it.revenue + ' ' + it.cost"
                    + " + ' ' + it.sharedCost + ' ' + it.roi + ' ' + it.roas }")).containsExactly(
                            "paid_search 300.00 60.00 36.00 2.1250 3.1250",
                            "paid_social 100.00 40.00 24.00 0.5625 1.5625");
            assertThat(p.getString("sharedCostRule")).contains("in proportion to their direct costs");
        });
    }

    @Test
    void inAReportingCurrencyEveryCostIsConvertedAtItsDaysRate() {
        LocalDate day = uniqueDay();
        UUID programme = UUID.randomUUID();
        String q = code();
        send(campaign(programme, "Autumn", UUID.randomUUID(), 1, "Search", Channel.PAID_SEARCH, List.of(q)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", q).get(0)
                .toString().equals("1"));
        Identifiers one = customer();
        send(visit(one, at(day, 8), Channel.PAID_SEARCH, q));
        send(purchase(one, at(day, 9), "100.00", "EUR"));
        cost(new Cost("cost-" + UUID.randomUUID(), null, day, Channel.PAID_SEARCH, q, null, "media", "google-ads",
                Money.of("50.00", "USD"), null, null, null, null));
        cost(new Cost("cost-" + UUID.randomUUID(), null, day, null, null, programme, "agency", "finance",
                Money.of("20.00", "GBP"), null, null, null, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(roi(day, programme, null).getList("programmes"))
                .hasSize(3)); // EUR revenue, USD cost, GBP cost: three currencies unconverted

        // without rates: 422 naming each missing one
        JsonPath refused = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("programmeId", programme.toString()).queryParam("currency", "EUR")
                .when().get("/api/v1/reports/programme-roi").then().statusCode(422).extract().jsonPath();
        assertThat(refused.getList("errors.reason", String.class)).containsExactlyInAnyOrder(
                "no rate GBP to EUR on " + day + "; load it with PUT /api/v1/finance/fx-rates",
                "no rate USD to EUR on " + day + "; load it with PUT /api/v1/finance/fx-rates");

        given().contentType("application/json").body(Map.of("rates", List.of(
                Map.of("date", day.toString(), "currency", "USD", "quote", "EUR", "rate", "0.9"),
                Map.of("date", day.toString(), "currency", "GBP", "quote", "EUR", "rate", "1.15"))))
                .when().put("/api/v1/finance/fx-rates").then().statusCode(200);
        // 50.00 USD × 0.9 = 45.00, 20.00 GBP × 1.15 = 23.00 (shared, all to the one channel): 100.00 against 68.00
        JsonPath p = roi(day, programme, "EUR");
        assertThat(p.getList("programmes")).hasSize(1);
        assertThat(p.getString("programmes[0].currency")).isEqualTo("EUR");
        assertThat(p.getString("programmes[0].cost")).isEqualTo("68.00");
        assertThat(p.getString("programmes[0].sharedCost")).isEqualTo("23.00");
        assertThat(p.getString("programmes[0].roi")).isEqualTo("0.4706");
        assertThat(p.getList("programmes[0].channels.collect { it.channel + ' ' + it.revenue + ' ' + it.cost"
                + " + ' ' + it.sharedCost }")).containsExactly("paid_search 100.00 45.00 23.00");
    }

    private static JsonPath roi(LocalDate day, UUID programme, String currency) {
        var request = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("programmeId", programme.toString());
        if (currency != null) {
            request = request.queryParam("currency", currency);
        }
        return request.when().get("/api/v1/reports/programme-roi").then().statusCode(200).extract().jsonPath();
    }

    private static void cost(Cost cost) {
        sendRaw(Topics.COSTS, cost.key(), EventJson.toBytes(cost));
    }
}
