package io.tally.attribution.journeys;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.revenueOf;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.touch;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;

/**
 * Web sessions through Kafka into the real ledger and the journey reports: one session is one visit touch (its entry),
 * internal page views and visits that continue a session earn nothing and are no path steps (the default rules: 30
 * minutes of inactivity, a new campaign or a new external referrer).
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class WebSessionsCreditTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A paid-search landing from a Google ad: medium cpc, campaign {@code code}, a gclid. */
    private static Touchpoint adLanding(Identifiers who, Instant at, String code) {
        return new Touchpoint("tp-" + UUID.randomUUID(), at, Channel.PAID_SEARCH, InteractionType.VISIT, "google",
                "cpc",
                code, who, "https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=" + code
                        + "&gclid=G-" + code,
                null, Trust.VERIFIED);
    }

    /** Internal navigation: a page reached from the site itself (the connectors publish it on direct). */
    private static Touchpoint internalPage(Identifiers who, Instant at, String path) {
        return new Touchpoint("tp-" + UUID.randomUUID(), at, Channel.DIRECT, InteractionType.PAGE_VIEW,
                "shop.example", null, null, who, "https://shop.example/" + path, null, Trust.VERIFIED);
    }

    /** A direct visit: no referrer, no campaign parameters. */
    private static Touchpoint directVisit(Identifiers who, Instant at) {
        return new Touchpoint("tp-" + UUID.randomUUID(), at, Channel.DIRECT, InteractionType.VISIT, null, null, null,
                who, "https://shop.example/", null, Trust.VERIFIED);
    }

    /** Waits until the customer's touchpoints and conversion are all stored (each late touch re-credits at once). */
    private static void awaitStored(Identifiers who, int touchpoints) {
        await().atMost(WAIT).until(() -> ((Number) sql("SELECT count(*) FROM touchpoint WHERE anonymous_id = ?1",
                who.anonymousId()).get(0)).intValue() == touchpoints
                && ((Number) sql("SELECT count(*) FROM conversion WHERE anonymous_id = ?1", who.anonymousId()).get(0))
                        .intValue() == 1);
    }

    @Test
    void internalNavigationAfterAnAdLandingLeavesTheAdAllTheCredit() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        Instant landing = at(day, 10);
        send(adLanding(who, landing, "sess-search"));
        for (int page = 1; page <= 5; page++) {
            send(internalPage(who, landing.plus(Duration.ofMinutes(5L * page)), "page-" + page));
        }
        send(purchase(who, landing.plus(Duration.ofMinutes(30)), "60.00", "EUR"));
        awaitStored(who, 6);

        // one session, one touch: linear gives the landing all 60.00; the five internal pages are no direct touches
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "paid_search")).isEqualTo("60.00");
            assertThat(revenueOf(linear, "direct")).isNull();
        });
        assertThat(revenueOf(report(day.toString(), "last_touch", "channel"), "paid_search")).isEqualTo("60.00");
    }

    @Test
    void twoSessionsFortyMinutesApartAreTwoTouches() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        Instant start = at(day, 14);
        send(adLanding(who, start, "sess-two")); // 14:00 session 1 starts: paid_search, weight 1
        send(internalPage(who, start.plus(Duration.ofMinutes(10)), "cart")); // 14:10 continues session 1
        // 14:20 an email open (weight 0.5): not a page view, neither starts nor extends a session
        send(touch(who, start.plus(Duration.ofMinutes(20)), Channel.EMAIL, InteractionType.EMAIL_OPEN, null));
        send(directVisit(who, start.plus(Duration.ofMinutes(50)))); // 14:50, 40 min after 14:10: session 2, direct
        send(internalPage(who, start.plus(Duration.ofMinutes(55)), "checkout")); // continues session 2
        send(purchase(who, start.plus(Duration.ofMinutes(60)), "100.00", "EUR"));
        awaitStored(who, 5);

        // linear over weights 1 (paid_search) + 0.5 (email open) + 1 (direct) = 2.5: 40.00 per unit of weight
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "paid_search")).isEqualTo("40.00");
            assertThat(revenueOf(linear, "email")).isEqualTo("20.00");
            assertThat(revenueOf(linear, "direct")).isEqualTo("40.00");
        });
        assertThat(revenueOf(report(day.toString(), "first_touch", "channel"), "paid_search")).isEqualTo("100.00");
        assertThat(revenueOf(report(day.toString(), "last_touch", "channel"), "direct")).isEqualTo("100.00");
    }

    @Test
    void aPathWithInternalNavigationShowsOneStepPerSession() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        Instant landing = at(day, 8);
        send(adLanding(who, landing, "sess-path")); // 08:00 the session's entry
        send(internalPage(who, landing.plus(Duration.ofMinutes(5)), "a"));
        send(internalPage(who, landing.plus(Duration.ofMinutes(10)), "b"));
        send(directVisit(who, landing.plus(Duration.ofMinutes(12)))); // a direct visit inside the window continues
        send(adLanding(who, landing.plus(Duration.ofMinutes(20)), "sess-path")); // the same ad reloaded continues
        send(purchase(who, landing.plus(Duration.ofMinutes(30)), "25.00", "EUR"));
        awaitStored(who, 5);

        JsonPath paths = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get("/api/v1/reports/paths").then().statusCode(200).extract().jsonPath();
        assertThat(paths.getList("paths.collect { it.path + ' | ' + it.journeys + ' ' + it.conversions + ' '"
                + " + it.revenue }")).containsExactly("paid_search | 1 1 25.00");
        assertThat(paths.getList("lengths.collect { it.touches + ':' + it.journeys }")).containsExactly("1:1");
    }
}
