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

    @Test
    void smallAndLargeWeightsSplitAsExactRationalArithmeticSays() {
        // weights of few digits take the long arithmetic, of many (time decay: 17 digits) the big-integer one; both
        // must agree with the rule worked out here in exact rationals
        java.util.Random random = new java.util.Random(20261207L);
        long[] totals = {0, 1, 7, 99, 100, 12_345, 1_000_000, 987_654_321_987L, Long.MAX_VALUE / 3, -12_345};
        for (int run = 0; run < 5_000; run++) {
            int n = 1 + random.nextInt(12);
            int scale = random.nextInt(4) == 0 ? 16 + random.nextInt(6) : random.nextInt(4);
            List<BigDecimal> weights = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                weights.add(random.nextInt(5) == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(1 + random.nextLong(1_000_000_000_000L), scale));
            }
            if (weights.stream().allMatch(w -> w.signum() == 0)) {
                weights.set(0, BigDecimal.ONE);
            }
            LargestRemainder.Proportions proportions = LargestRemainder.of(weights);
            for (long total : totals) {
                assertThat(proportions.split(total)).as("%d over %s", total, weights)
                        .containsExactly(reference(total, weights));
            }
        }
    }

    /** Floors of |total|·wᵢ/Σw, then one unit each to the largest fractional parts (ties: earlier), sign restored. */
    private static long[] reference(long total, List<BigDecimal> weights) {
        java.math.BigInteger magnitude = java.math.BigInteger.valueOf(total).abs();
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = weights.size();
        long[] parts = new long[n];
        BigDecimal[] fractions = new BigDecimal[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            // quota = magnitude·w / sum as an exact quotient and remainder of the scaled integers
            BigDecimal product = new BigDecimal(magnitude).multiply(weights.get(i));
            BigDecimal[] qr = product.divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            fractions[i] = qr[1]; // compared across i: the same divisor, so the remainder orders the fractions
            given += parts[i];
        }
        Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> {
            int c = fractions[b].compareTo(fractions[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (long k = 0; k < magnitude.longValueExact() - given; k++) {
            parts[order[(int) k]]++;
        }
        if (total < 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }
}
