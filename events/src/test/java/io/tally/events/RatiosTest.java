package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** ROAS and ROI as every report shows them: four decimals, half-even, none without cost. */
class RatiosTest {

    @Test
    void roasIsRevenueOverCostToFourDecimals() {
        assertThat(Ratios.roas(new BigDecimal("2000.00"), new BigDecimal("400.00"))).hasToString("5.0000");
        assertThat(Ratios.roas(new BigDecimal("1249.90"), new BigDecimal("400.00"))).hasToString("3.1248");
    }

    @Test
    void roiIsProfitOverCostToFourDecimals() {
        assertThat(Ratios.roi(new BigDecimal("12400.00"), new BigDecimal("3100.00"))).hasToString("3.0000");
        assertThat(Ratios.roi(new BigDecimal("100.00"), new BigDecimal("400.00"))).hasToString("-0.7500");
    }

    @Test
    void roundingIsHalfEven() {
        // 0.00005 and 0.00015 are exact halves: to the even neighbour
        assertThat(Ratios.roas(new BigDecimal("0.5"), new BigDecimal("10000"))).hasToString("0.0000");
        assertThat(Ratios.roas(new BigDecimal("1.5"), new BigDecimal("10000"))).hasToString("0.0002");
    }

    @Test
    void withoutCostThereIsNoRatio() {
        assertThat(Ratios.roas(new BigDecimal("10.00"), BigDecimal.ZERO)).isNull();
        assertThat(Ratios.roi(new BigDecimal("10.00"), new BigDecimal("0.00"))).isNull();
    }
}
