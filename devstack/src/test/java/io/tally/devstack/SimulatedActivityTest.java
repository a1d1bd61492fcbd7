package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.devstack.GatewayClient.Request;
import io.tally.events.json.EventJson;
import io.tally.simulator.Customer;
import io.tally.simulator.Scenario;
import io.tally.simulator.Touch;

/** Simulated journeys as connector requests: each touch through the source of its channel, at the right time. */
class SimulatedActivityTest {

    private static final String ESP = "/api/v1/webhooks/esp/acme";
    private static final Instant LAST = Instant.parse("2026-11-20T12:00:00Z");
    private static final Scenario MANY = Scenario.named("many-channels");

    /** One customer per line of the switch, two converting, journeys of 14 days decided at day 14. */
    private static final List<Customer> CUSTOMERS = List.of(
            new Customer(1, 0, List.of(new Touch("paid_search", "click", 2.0), new Touch("email", "open", 4.0),
                    new Touch("email", "click", 5.0), new Touch("direct", "visit", 13.5)), 14, true,
                    new BigDecimal("80.00")),
            new Customer(2, 0, List.of(new Touch("organic_social", "engagement", 1.0),
                    new Touch("direct_mail", "contact", 3.0), new Touch("phone", "contact", 6.0),
                    new Touch("events", "contact", 7.0), new Touch("display", "impression", 8.0)), 14, false,
                    new BigDecimal("55.10")),
            new Customer(3, 0, List.of(new Touch("paid_social", "click", 9.0), new Touch("affiliate", "click", 10.0),
                    new Touch("organic_search", "visit", 11.0), new Touch("referral", "visit", 12.0),
                    new Touch("paid_search", "click", 13.0)), 14, true, new BigDecimal("19.99")));

    private final SimulatedActivity activity = new SimulatedActivity(MANY, CUSTOMERS, "r1", ESP, LAST, 5);

    @Test
    void everyTouchGoesThroughItsChannelsConnectorAndImpressionsAreCountedAsNotSent() throws Exception {
        assertThat(activity.touchesSent()).isEqualTo(13);
        assertThat(activity.notSent()).containsExactly(java.util.Map.entry("display", 1));

        JsonNode web = json(activity.touchRequests(), "/api/v1/collect");
        // two sign-ups (customers 1 and 3 have web touches) and seven visits
        assertThat(web.findValuesAsText("type")).containsExactly("sign_up", "page_view", "page_view", "sign_up",
                "page_view", "page_view", "page_view", "page_view", "page_view");
        assertThat(web.get(1).get("url").asText()).contains("utm_medium=cpc")
                .contains("utm_campaign=sim-r1-paid_search");
        assertThat(web.get(2).has("referrer")).isFalse(); // direct: no referrer, no campaign
        assertThat(web.get(2).get("url").asText()).doesNotContain("utm_");
        assertThat(web.get(4).get("url").asText()).contains("utm_medium=paid_social");
        assertThat(web.get(5).get("url").asText()).contains("utm_medium=affiliate");
        assertThat(web.get(6).get("referrer").asText()).contains("google.");
        assertThat(web.get(7).get("referrer").asText()).doesNotContain("google.");
        assertThat(web.get(0).get("properties").get("email").asText()).isEqualTo("c1-r1@sim.example");

        JsonNode email = json(activity.touchRequests(), ESP);
        assertThat(email.findValuesAsText("type")).containsExactly("open", "click");
        assertThat(email.get(0).get("campaign").asText()).isEqualTo("sim-r1-email");
        assertThat(email.get(1).get("url").asText()).contains("utm_campaign=sim-r1-email");

        assertThat(json(activity.touchRequests(), "/api/v1/social/engagements").get(0).get("linkId").asText())
                .isEqualTo("sim-r1-organic_social");
        assertThat(body(activity.touchRequests(), "/api/v1/imports/offline?kind=touchpoints").lines().skip(1)
                .map(l -> l.split(",")[0] + " " + l.split(",")[3]))
                .containsExactly("mail_drop sim-r1-direct_mail", "call sim-r1-phone", "event sim-r1-events");
    }

    @Test
    void touchesAreTheirDayBeforeTheDecisionAndTheOrderAMinuteAfterIt() throws Exception {
        JsonNode web = json(activity.touchRequests(), "/api/v1/collect");
        JsonNode email = json(activity.touchRequests(), ESP);
        Instant searched = Instant.parse(web.get(1).get("timestamp").asText()); // day 2
        Instant opened = Instant.parse(email.get(0).get("timestamp").asText()); // day 4
        Instant direct = Instant.parse(web.get(2).get("timestamp").asText()); // day 13.5
        assertThat(java.time.Duration.between(searched, opened)).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(java.time.Duration.between(searched, direct)).isEqualTo(java.time.Duration.ofHours(11 * 24 + 12));
        // the sign-up comes before the journey's first day
        assertThat(Instant.parse(web.get(0).get("timestamp").asText())).isBefore(searched);

        List<String> orders = body(activity.conversionRequests(), "/api/v1/imports/offline?kind=conversions").lines()
                .skip(1).toList();
        assertThat(orders).hasSize(2);
        String[] first = orders.get(0).split(",");
        assertThat(first[0]).isEqualTo("sim-r1-order-1");
        assertThat(first[2]).isEqualTo("80.00");
        assertThat(first[4]).isEqualTo("c1-r1@sim.example");
        // decided half a day after the direct visit; ordered a minute after deciding
        assertThat(java.time.Duration.between(direct, Instant.parse(first[1])))
                .isEqualTo(java.time.Duration.ofHours(12).plusMinutes(1));
        assertThat(activity.revenue()).isEqualByComparingTo("99.99");
        assertThat(activity.conversions()).isEqualTo(2);
        assertThat(Instant.parse(first[1])).isBeforeOrEqualTo(LAST.plusSeconds(60));
    }

    @Test
    void eachChannelCostsItsTouchesSentTimesItsCostPerTouchAndFreeChannelsAreNotImported() throws Exception {
        // paid_search 2 × 1.20, email 2 × 0.02, organic_social 0.10, direct_mail 1.50, phone 3.00, events 12.00,
        // paid_social 0.80, affiliate 2.00; direct, organic search and referral cost nothing; display was not sent
        assertThat(activity.costs()).containsOnlyKeys("paid_search", "email", "organic_social", "direct_mail", "phone",
                "events", "paid_social", "affiliate");
        assertThat(activity.costs().get("paid_search")).isEqualByComparingTo("2.40");
        assertThat(activity.costs().get("email")).isEqualByComparingTo("0.04");
        assertThat(activity.costs().get("events")).isEqualByComparingTo("12.00");
        String costs = body(activity.conversionRequests(), "/api/v1/imports/costs");
        assertThat(costs.lines().skip(1).map(l -> new BigDecimal(l.split(",")[4])).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("21.84");
        assertThat(costs.lines().skip(1)).allSatisfy(l -> assertThat(l.split(",")[1])
                .isEqualTo("sim-r1-" + l.split(",")[3]));
    }

    @Test
    void theSameSeedGivesTheSameRequests() {
        assertThat(new SimulatedActivity(MANY, CUSTOMERS, "r1", ESP, LAST, 5).touchRequests())
                .isEqualTo(activity.touchRequests());
        assertThat(SimulatedActivity.campaignChannels(MANY)).containsExactlyInAnyOrder("paid_search", "paid_social",
                "organic_social", "email", "direct_mail", "affiliate", "phone", "events");
    }

    private static String body(List<Request> requests, String path) {
        return requests.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow().body();
    }

    private static JsonNode json(List<Request> requests, String path) throws Exception {
        return EventJson.mapper().readTree(body(requests, path));
    }
}
