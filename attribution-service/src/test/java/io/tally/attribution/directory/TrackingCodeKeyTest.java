package io.tally.attribution.directory;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.revenueOf;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.TrackingCodes;

/**
 * Tracking codes are stored and matched in the contract's one form ({@link TrackingCodes#normalise}), the form
 * campaign-service stores them in: Unicode whitespace around a code does not make it another code.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class TrackingCodeKeyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aCodePaddedWithUnicodeSpacesIsStoredAndMatchedAsTheContractNormalisesIt() {
        LocalDate day = uniqueDay();
        String code = code();
        String padded = "\u3000" + code.toUpperCase() + "\u2003";
        CampaignChanged changed = campaign("Autumn", "Autumn display", Channel.DISPLAY, List.of(padded));
        send(changed);
        assertThat(TrackingCodes.normalise(padded)).isEqualTo(code);
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", code).get(0)
                .toString().equals("1"));

        Identifiers who = customer();
        send(visit(who, at(day, 8), Channel.DISPLAY, "\u2003" + code.toUpperCase()));
        send(purchase(who, at(day, 10), "40.00", "EUR"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "first_touch", "campaign"), "Autumn display")).isEqualTo("40.00"));
    }

    @Test
    void aNonAsciiCodeInAnotherCaseMovesWithItsCampaign() {
        LocalDate day = uniqueDay();
        String code = "été-" + code(); // folds as Java folds it, whatever the database's locale
        UUID programme = UUID.randomUUID();
        UUID summer = UUID.randomUUID();
        UUID autumn = UUID.randomUUID();
        send(campaign(programme, "Seasons", summer, 1, "Summer", Channel.EMAIL, List.of(code)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", code).get(0)
                .toString().equals("1"));
        Identifiers who = customer();
        send(visit(who, at(day, 8), Channel.EMAIL, "\u2003" + code.toUpperCase(Locale.ROOT))); // an em space
        Conversion order = purchase(who, at(day, 10), "70.00", "EUR");
        send(order);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "last_touch", "campaign"), "Summer")).isEqualTo("70.00"));
        assertThat(sql("SELECT campaign_code FROM touchpoint WHERE profile_id = (SELECT profile_id FROM conversion"
                + " WHERE event_id = ?1)", order.eventId())).as("stored in the contract's form").containsExactly(code);

        // the code moves to another campaign: the conversion its touch carried is credited again
        send(campaign(programme, "Seasons", summer, 2, "Summer", Channel.EMAIL, List.of()));
        send(campaign(programme, "Seasons", autumn, 1, "Autumn", Channel.EMAIL, List.of(code)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "last_touch", "campaign"), "Autumn")).isEqualTo("70.00"));
        assertThat(sql("SELECT count(*) FROM credit WHERE conversion_event_id = ?1 AND model = 'last_touch'"
                + " GROUP BY campaign_id HAVING sum(amount_minor) <> 0", order.eventId())).hasSize(1);
    }
}
