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

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
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
}
