package io.tally.attribution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    private static List<BigDecimal> equal(int n) {
        return java.util.Collections.nCopies(n, BigDecimal.ONE);
    }

    @Test
    void aHundredCentsOverThreeGoesThirtyFourThirtyThreeThirtyThree() {
        assertThat(LargestRemainder.split(100, equal(3))).containsExactly(34, 33, 33);
    }

    @Test
    void leftoverCentsGoToTheLargestRemainders() {
        List<BigDecimal> weights = List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("4"));
        // 10 * 1/7 = 1.428, 10 * 2/7 = 2.857, 10 * 4/7 = 5.714 → floors 1,2,5 (8), two left: .857 and .714 win
        assertThat(LargestRemainder.split(10, weights)).containsExactly(1, 3, 6);
    }

    @Test
    void tiesGoToTheEarlierPosition() {
        assertThat(LargestRemainder.split(2, equal(3))).containsExactly(1, 1, 0);
    }

    @Test
    void negativeTotalsMirrorThePositiveSplit() {
        assertThat(LargestRemainder.split(-100, equal(3))).containsExactly(-34, -33, -33);
    }

    @Test
    void zeroWeightsGetNothing() {
        assertThat(LargestRemainder.split(999, List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO)))
                .containsExactly(0, 999, 0);
    }

    @Test
    void remaindersAreComparedExactlyNotToSomeDigits() {
        // the middle quota exceeds the others by about 3e-40 of a unit: it takes the one unit, not the earlier position
        BigDecimal tenth = new BigDecimal("0.1");
        assertThat(LargestRemainder.split(1, List.of(tenth, tenth.add(new BigDecimal("1E-40")), tenth)))
                .containsExactly(0, 1, 0);
    }

    @Test
    void oneSetOfWeightsSplitsSeveralTotals() {
        LargestRemainder.Proportions thirds = LargestRemainder.of(equal(3));
        assertThat(thirds.split(100)).containsExactly(34, 33, 33);
        assertThat(thirds.split(1_000_000)).containsExactly(333_334, 333_333, 333_333);
        assertThat(thirds.split(-2)).containsExactly(-1, -1, 0);
    }

    @Test
    void allZeroWeightsAreRefused() {
        assertThatThrownBy(() -> LargestRemainder.split(1, List.of(BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
