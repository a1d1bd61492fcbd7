package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void minorUnitsFollowTheCurrency() {
        assertThat(Money.of("12.34", "EUR").toMinorUnits()).isEqualTo(1234);
        assertThat(Money.of("1500", "JPY").toMinorUnits()).isEqualTo(1500);
        assertThat(Money.of("1.234", "BHD").toMinorUnits()).isEqualTo(1234);
        assertThat(Money.of("12.3", "EUR").toMinorUnits()).isEqualTo(1230);
    }

    @Test
    void ofMinorRestoresTheAmountWithTheCurrencyScale() {
        assertThat(Money.ofMinor(1234, "EUR").amount()).isEqualTo(new BigDecimal("12.34"));
        assertThat(Money.ofMinor(-5, "USD").amount()).isEqualTo(new BigDecimal("-0.05"));
        assertThat(Money.ofMinor(1500, "JPY").amount()).isEqualTo(new BigDecimal("1500"));
    }

    @Test
    void identifiersKeyOnTheMostDurableIdentifier() {
        Identifiers ids = new Identifiers("anon-1", "user-7", null, null, null, null);
        assertThat(ids.partitionKey()).isEqualTo("userId:user-7");
        assertThat(Identifiers.anonymous("anon-1").partitionKey()).isEqualTo("anonymousId:anon-1");
    }
}
