package io.tally.attribution.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FxConversionTest {

    @Test
    void aTotalRoundsHalfEvenIntoTheTargetsMinorUnits() {
        // 10.00 USD at 0.92345 = 9.2345 EUR -> 9.23; 1,500 JPY at 0.006125 = 9.1875 EUR -> 9.19
        assertThat(FxConversion.convert(1000, "USD", "EUR", new BigDecimal("0.92345"))).isEqualTo(923);
        assertThat(FxConversion.convert(1500, "JPY", "EUR", new BigDecimal("0.006125"))).isEqualTo(919);
        assertThat(FxConversion.convert(-1000, "USD", "EUR", new BigDecimal("0.92345"))).isEqualTo(-923);
    }

    @Test
    void thirdsAddUpToTheConvertedWhole() {
        // 1.00 USD split 0.34/0.33/0.33 at 1.5: exact 51/49.5/49.5 cents round half-even to 51/50/50 = 1.51, but
        // the whole is 1.50: the cent comes off the first of the two parts rounding pushed up most
        long[] parts = FxConversion.apportion(new long[]{34, 33, 33}, "USD", "EUR", new BigDecimal("1.5"));
        assertThat(Arrays.stream(parts).sum()).isEqualTo(150);
        assertThat(parts).containsExactly(51, 49, 50);
    }

    @Test
    void partsAlwaysAddUpExactlyIncludingNegativeOnes() {
        Random random = new Random(7);
        for (int run = 0; run < 2_000; run++) {
            long[] parts = new long[1 + random.nextInt(8)];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = random.nextInt(200_001) - 50_000;
            }
            BigDecimal rate = BigDecimal.valueOf(1 + random.nextInt(3_000_000), 6);
            long[] converted = FxConversion.apportion(parts, "USD", "EUR", rate);
            assertThat(Arrays.stream(converted).sum()).as("run %d", run)
                    .isEqualTo(FxConversion.convert(Arrays.stream(parts).sum(), "USD", "EUR", rate));
            for (int i = 0; i < parts.length; i++) {
                BigDecimal exact = BigDecimal.valueOf(parts[i]).multiply(rate);
                assertThat(exact.subtract(BigDecimal.valueOf(converted[i])).abs())
                        .as("part %d of run %d is within one minor unit and a half of exact", i, run)
                        .isLessThanOrEqualTo(new BigDecimal("1.5"));
            }
        }
    }
}
