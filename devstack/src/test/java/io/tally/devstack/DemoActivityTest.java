package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.json.EventJson;

/** The demo's requests: the same every run, every channel touched through its connector, a cost for every channel. */
class DemoActivityTest {

    private static final String PROGRAMME = "5f0c2a4e-1b7d-4c1e-9a55-3d2b8e6f7a10";
    private static final Instant START = Instant.parse("2026-11-16T09:00:00Z");

    private final DemoActivity activity = new DemoActivity(PROGRAMME, "/api/v1/webhooks/esp/acme", START);

    @Test
    void theSameStartGivesTheSameRequests() {
        assertThat(new DemoActivity(PROGRAMME, "/api/v1/webhooks/esp/acme", START).requests())
                .isEqualTo(activity.requests());
    }

    @Test
    void everyChannelIsTouchedThroughItsOwnConnector() throws Exception {
        assertThat(activity.touches().keySet()).containsExactlyInAnyOrder("direct_mail", "phone", "email",
                "organic_social", "paid_social", "paid_search", "organic_search");
        String contacts = body("/api/v1/imports/offline?kind=touchpoints");
        assertThat(contacts).startsWith("type,occurred_at,customer_id,email,code\n")
                .contains(",winter-mail\n").contains(",winter-calls\n");
        assertThat(lines(contacts)).allSatisfy(l -> assertThat(l).matches("(mail_drop|call),.*"));
        JsonNode email = json("/api/v1/webhooks/esp/acme");
        assertThat(values(email, "type")).contains("open", "click");
        JsonNode social = json("/api/v1/social/engagements");
        assertThat(values(social, "linkId")).containsOnly("winter-community");
        JsonNode web = json("/api/v1/collect");
        List<String> urls = values(web, "url");
        assertThat(urls).anyMatch(u -> u.endsWith("utm_medium=cpc&utm_campaign=winter-search"))
                .anyMatch(u -> u.endsWith("utm_medium=paid_social&utm_campaign=winter-social"))
                .contains("https://shop.example/winter");
        assertThat(values(web, "type")).containsOnly("page_view", "purchase");
    }

    @Test
    void customersBuyOnTheSiteAndByPhoneAndNothingHappensAfterTheDemoWeek() throws Exception {
        List<String> orders = lines(body("/api/v1/imports/offline?kind=conversions"));
        List<String> purchases = values(json("/api/v1/collect"), "orderId");
        assertThat(orders).isNotEmpty();
        assertThat(purchases).isNotEmpty();
        assertThat(orders.size() + purchases.size()).isEqualTo(activity.purchases());
        Instant end = START.plus(6, ChronoUnit.DAYS);
        List<String> times = new ArrayList<>();
        times.addAll(values(json("/api/v1/collect"), "timestamp"));
        times.addAll(values(json("/api/v1/webhooks/esp/acme"), "timestamp"));
        times.addAll(values(json("/api/v1/social/engagements"), "occurredAt"));
        lines(body("/api/v1/imports/offline?kind=touchpoints")).forEach(l -> times.add(l.split(",")[1]));
        orders.forEach(l -> times.add(l.split(",")[1]));
        assertThat(times).allSatisfy(t -> assertThat(Instant.parse(t)).isAfter(START).isBefore(end));
    }

    @Test
    void everyChannelHasItsCostsAndTheProgrammeItsOwn() throws Exception {
        // hand sums of the fixed lines: 7 days of call centre at 45.00, print 380.00 + postage 220.00, sends 60.00,
        // community 120.00, agency 300.00 + production 150.00 (no channel), 7 days of Meta at 35.00
        Map<String, BigDecimal> costs = activity.costs();
        assertThat(costs).containsEntry("phone", new BigDecimal("315.00"))
                .containsEntry("direct_mail", new BigDecimal("600.00"))
                .containsEntry("email", new BigDecimal("60.00"))
                .containsEntry("organic_social", new BigDecimal("120.00"))
                .containsEntry("shared", new BigDecimal("450.00"))
                .containsEntry("paid_social", new BigDecimal("245.00"));
        List<String> googleAds = lines(body("/api/v1/imports/ad-costs/google-ads")).stream()
                .filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\d,.*")).toList();
        assertThat(googleAds).hasSize(7);
        BigDecimal search = googleAds.stream().map(l -> new BigDecimal(l.split(",")[4]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(costs).containsEntry("paid_search", search);
        assertThat(lines(body("/api/v1/imports/costs")))
                .contains("2026-11-16,," + PROGRAMME + ",,300.00,EUR,agency",
                        "2026-11-16,," + PROGRAMME + ",,150.00,EUR,production")
                .hasSize(7 + 6);
        assertThat(json("/api/v1/imports/meta-insights").get("data")).hasSize(7);
    }

    private String body(String path) {
        return activity.requests().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow().body();
    }

    private JsonNode json(String path) throws Exception {
        return EventJson.mapper().readTree(body(path));
    }

    /** The data lines of a CSV body (the header row left out). */
    private static List<String> lines(String csv) {
        List<String> lines = List.of(csv.split("\n"));
        return lines.subList(1, lines.size());
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> {
            if (n.hasNonNull(field)) {
                values.add(n.get(field).asText());
            }
        });
        return values;
    }
}
