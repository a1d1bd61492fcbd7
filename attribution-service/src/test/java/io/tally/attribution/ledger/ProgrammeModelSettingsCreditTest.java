package io.tally.attribution.ledger;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.revenueOf;
import static io.tally.attribution.AttributionFixtures.rollupMismatches;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sendStored;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.touch;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.Authorized;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.ModelSettings;
import io.tally.support.security.Role;

/**
 * A programme's own model settings credit its conversions: touch weights per touch, position shares and half-life from
 * the programme governing the journey; a change re-credits open periods as adjustments and leaves closed ones.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ProgrammeModelSettingsCreditTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Programme(UUID id, UUID emailCampaign, UUID searchCampaign, String emailCode, String searchCode) {
    }

    private static CampaignChanged version(Programme p, UUID campaign, long version, ModelSettings settings) {
        boolean email = campaign.equals(p.emailCampaign());
        return new CampaignChanged(CampaignChanged.eventIdOf(campaign, version), campaign, version, Instant.now(),
                new CampaignChanged.ProgrammeRef(p.id(), "Settings " + p.id(), "EUR", "UTC", 30, "linear", settings),
                email ? "Newsletter" : "Search", email ? Channel.EMAIL : Channel.PAID_SEARCH,
                List.of(CampaignChanged.TrackingCode.of(email ? p.emailCode() : p.searchCode())), false);
    }

    /** A programme with an email and a search campaign, known to attribution with these settings. */
    private static Programme programme(ModelSettings settings) {
        Programme p = new Programme(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), code(), code());
        send(version(p, p.emailCampaign(), 1, settings));
        send(version(p, p.searchCampaign(), 1, settings));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code IN (?1)",
                List.of(p.emailCode(), p.searchCode())).get(0).toString().equals("2"));
        return p;
    }

    @Test
    void theProgrammesWeightsSharesAndHalfLifeCreditItsJourneys() {
        Programme p = programme(new ModelSettings(Map.of("email_open", new BigDecimal("2")),
                Map.of("position_based", "0.5/0/0.5"), "PT1H", null));

        // linear with the programme's weights: its email open 2, its search visit 1, an uncoded direct visit keeps
        // the deployment's 1; 90.00 over 4 units of weight is 22.50 each (the deployment's 0.5 would give 18/36/36)
        LocalDate weighted = uniqueDay();
        Identifiers first = customer();
        send(touch(first, at(weighted, 1), Channel.EMAIL, InteractionType.EMAIL_OPEN, p.emailCode()));
        send(visit(first, at(weighted, 2), Channel.DIRECT, null));
        send(visit(first, at(weighted, 3), Channel.PAID_SEARCH, p.searchCode()));
        send(purchase(first, at(weighted, 4), "90.00", "EUR"));

        // position_based at the programme's 50/0/50: first and last 50.00 each, the middle nothing (the deployment's
        // 40/20/40 would give paid_search 80.00, direct 20.00)
        LocalDate positions = uniqueDay();
        Identifiers second = customer();
        send(visit(second, at(positions, 1), Channel.PAID_SEARCH, p.searchCode()));
        send(visit(second, at(positions, 2), Channel.DIRECT, null));
        send(visit(second, at(positions, 3), Channel.PAID_SEARCH, p.searchCode()));
        send(purchase(second, at(positions, 4), "100.00", "EUR"));

        // time_decay with a one-hour half-life: the search visit 2 h before the purchase weighs 1/4, the direct one
        // 1 h before 1/2, so 90.00 splits 30.00 / 60.00 (a week's half-life splits it nearly evenly)
        LocalDate decay = uniqueDay();
        Identifiers third = customer();
        send(visit(third, at(decay, 1), Channel.PAID_SEARCH, p.searchCode()));
        send(visit(third, at(decay, 2), Channel.DIRECT, null));
        send(purchase(third, at(decay, 3), "90.00", "EUR"));

        await().atMost(WAIT).untilAsserted(() -> {
            var linear = report(weighted.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "email")).isEqualTo("45.00");
            assertThat(revenueOf(linear, "direct")).isEqualTo("22.50");
            assertThat(revenueOf(linear, "paid_search")).isEqualTo("22.50");
            var positioned = report(positions.toString(), "position_based", "channel");
            assertThat(revenueOf(positioned, "paid_search")).isEqualTo("100.00");
            assertThat(revenueOf(positioned, "direct")).isIn(null, "0.00");
            var decayed = report(decay.toString(), "time_decay", "channel");
            assertThat(revenueOf(decayed, "paid_search")).isEqualTo("30.00");
            assertThat(revenueOf(decayed, "direct")).isEqualTo("60.00");
        });
        // a journey no programme's touch governs keeps the deployment's settings: 40/20/40
        LocalDate plain = uniqueDay();
        Identifiers fourth = customer();
        send(visit(fourth, at(plain, 1), Channel.ORGANIC_SEARCH, null));
        send(visit(fourth, at(plain, 2), Channel.DIRECT, null));
        send(visit(fourth, at(plain, 3), Channel.ORGANIC_SEARCH, null));
        send(purchase(fourth, at(plain, 4), "100.00", "EUR"));
        await().atMost(WAIT).untilAsserted(() -> {
            var positioned = report(plain.toString(), "position_based", "channel");
            assertThat(revenueOf(positioned, "organic_search")).isEqualTo("80.00");
            assertThat(revenueOf(positioned, "direct")).isEqualTo("20.00");
        });
    }

    @Test
    void aChangeReCreditsOpenPeriodsAsAdjustmentsAndLeavesClosedOnes() {
        Programme p = programme(ModelSettings.NONE);
        LocalDate closedDay = LocalDate.of(2004, 3, 10); // months no other test books into
        LocalDate openDay = LocalDate.of(2004, 4, 10);
        Conversion closedOrder = journey(p, closedDay);
        Conversion openOrder = journey(p, openDay);
        // the deployment's weights: email open 0.5, search visit 1; 60.00 splits 20.00 / 40.00
        await().atMost(WAIT).untilAsserted(() -> {
            for (LocalDate day : List.of(closedDay, openDay)) {
                var linear = report(day.toString(), "linear", "channel");
                assertThat(revenueOf(linear, "email")).isEqualTo("20.00");
                assertThat(revenueOf(linear, "paid_search")).isEqualTo("40.00");
            }
        });
        Authorized.as(Role.FINANCE).contentType(ContentType.JSON).body(Map.of("reason", "March is booked"))
                .post("/api/v1/finance/periods/2004-03/close").then().statusCode(200);

        // the programme now weighs an open like a visit: the open period's conversion splits 30.00 / 30.00
        ModelSettings equal = new ModelSettings(Map.of("email_open", BigDecimal.ONE), Map.of(), null, null);
        send(version(p, p.emailCampaign(), 2, equal));
        send(version(p, p.searchCampaign(), 2, equal));
        await().atMost(WAIT).untilAsserted(() -> {
            var linear = report(openDay.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "email")).isEqualTo("30.00");
            assertThat(revenueOf(linear, "paid_search")).isEqualTo("30.00");
        });
        var closed = report(closedDay.toString(), "linear", "channel");
        assertThat(revenueOf(closed, "email")).isEqualTo("20.00");
        assertThat(revenueOf(closed, "paid_search")).isEqualTo("40.00");
        assertThat(sql("SELECT count(*) FROM credit WHERE conversion_event_id = ?1 AND entry_kind = 'adjustment'"
                + " AND reason = 'campaign_change' AND model = 'linear'", openOrder.eventId()).get(0).toString())
                .isNotEqualTo("0");
        assertThat(sql("SELECT model || ':' || reason || ':' || entry_id FROM credit WHERE conversion_event_id = ?1"
                + " AND entry_kind <> 'original'", closedOrder.eventId())).isEmpty();
        assertThat(rollupMismatches()).isZero();
    }

    private static Conversion journey(Programme p, LocalDate day) {
        Identifiers who = customer();
        // stored before the purchase, so nothing is re-credited as a late touch
        sendStored(touch(who, at(day, 1), Channel.EMAIL, InteractionType.EMAIL_OPEN, p.emailCode()));
        sendStored(visit(who, at(day, 2), Channel.PAID_SEARCH, p.searchCode()));
        Conversion order = purchase(who, at(day, 3), "60.00", "EUR");
        send(order);
        return order;
    }
}
