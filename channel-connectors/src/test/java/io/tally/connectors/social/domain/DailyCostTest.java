package io.tally.connectors.social.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;

class DailyCostTest {

    private static DailyCost cost(String spend) {
        return new DailyCost("meta", "23851234567890123", LocalDate.of(2026, 11, 1), Money.of(spend, "EUR"), 48210L,
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
    void theCostIsPaidSocialFromThePlatform() {
        Cost cost = cost("152.37").toCost();

        assertThat(cost.channel()).isEqualTo(Channel.PAID_SOCIAL);
        assertThat(cost.source()).isEqualTo("meta");
        assertThat(cost.campaignCode()).isEqualTo("23851234567890123");
        assertThat(cost.platformPurchases()).isEqualTo(9L);
    }
}
