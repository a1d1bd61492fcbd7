package io.tally.connectors.costs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;

class DailyCostTest {

    private static DailyCost cost(String spend) {
        return new DailyCost("meta", Channel.PAID_SOCIAL, "23851234567890123", LocalDate.of(2026, 11, 1),
                Money.of(spend, "EUR"), 48210L,
                812L, 9L, Money.of("1043.10", "EUR"));
    }

    @Test
    void theSameFiguresAlwaysGetTheSameId() {
        assertThat(cost("152.37").toCost().eventId()).isEqualTo(cost("152.37").toCost().eventId())
                .matches("cost:meta:23851234567890123:2026-11-01:[0-9a-f]{16}");
    }

    @Test
    void aCorrectedFigureGetsANewId() {
        assertThat(cost("152.37").toCost().eventId()).isNotEqualTo(cost("152.38").toCost().eventId());
    }

    @Test
    void aCorrectedFigureStatesTheSameLineSoItReplacesTheEarlierOne() {
        Cost first = cost("152.37").toCost();
        Cost corrected = cost("152.38").toCost();

        assertThat(first.lineId()).isEqualTo("meta:23851234567890123:2026-11-01").isEqualTo(corrected.lineId());
        assertThat(first.line()).isEqualTo(corrected.line());
    }

    @Test
    void theChannelIsThePlatformsOwn() {
        Cost cost = new DailyCost("google-ads", Channel.PAID_SEARCH, "20871234567", LocalDate.of(2026, 11, 1),
                Money.of("1234.56", "EUR"), null, null, null, null).toCost();

        assertThat(cost.channel()).isEqualTo(Channel.PAID_SEARCH);
        assertThat(cost.source()).isEqualTo("google-ads");
        assertThat(cost.eventId()).startsWith("cost:google-ads:20871234567:2026-11-01:");
        assertThat(cost.key()).isEqualTo("20871234567");
    }

    @Test
    void theCostIsPaidSocialFromThePlatform() {
        Cost cost = cost("152.37").toCost();

        assertThat(cost.channel()).isEqualTo(Channel.PAID_SOCIAL);
        assertThat(cost.source()).isEqualTo("meta");
        assertThat(cost.campaignCode()).isEqualTo("23851234567890123");
        assertThat(cost.platformPurchases()).isEqualTo(9L);
    }
}
