package io.tally.attribution.models;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a whole number of units (cents, millionths of a conversion) in proportion to weights so that the parts sum
 * exactly to the whole: every part gets the floor of its quota, and the units left over go one each to the largest
 * fractional remainders (ties: the earlier position). Negative totals are split as their magnitude, then negated.
 * <p>
 * The arithmetic is exact and in integers: the weights are brought to one decimal scale, so weight {@code i} is
 * {@code n_i / 10^s}, and part {@code i} of {@code M} units is {@code M·n_i div Σn} with remainder {@code M·n_i mod Σn};
 * remainders are compared exactly. {@link #of} does that once for several totals split by the same weights (a
 * conversion's revenue and its one conversion).
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param total the whole, in units; may be negative
     * @param weights non-negative, at least one positive
     * @return one part per weight, summing exactly to {@code total}
     */
    public static long[] split(long total, List<BigDecimal> weights) {
        return of(weights).split(total);
    }

    /**
     * The weights, ready to split any total.
     *
     * @param weights non-negative, at least one positive
     */
    public static Proportions of(List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no weights");
        }
        int scale = 0;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weights must be non-negative with a positive sum: " + weights);
            }
            scale = Math.max(scale, w.scale());
        }
        BigInteger[] numerators = new BigInteger[weights.size()];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < numerators.length; i++) {
            numerators[i] = weights.get(i).setScale(scale).unscaledValue();
            sum = sum.add(numerators[i]);
        }
        if (sum.signum() <= 0) {
            throw new IllegalArgumentException("weights must be non-negative with a positive sum: " + weights);
        }
        return new Proportions(numerators, sum);
    }

    /** Weights as integers at one scale, and their sum. */
    public static final class Proportions {

        private final BigInteger[] numerators;
        private final BigInteger sum;

        private Proportions(BigInteger[] numerators, BigInteger sum) {
            this.numerators = numerators;
            this.sum = sum;
        }

        /**
         * @param total the whole, in units; may be negative
         * @return one part per weight, summing exactly to {@code total}
         */
        public long[] split(long total) {
            int n = numerators.length;
            BigInteger magnitude = BigInteger.valueOf(total).abs();
            long[] parts = new long[n];
            BigInteger[] remainders = new BigInteger[n];
            BigInteger allocated = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                BigInteger[] quotient = magnitude.multiply(numerators[i]).divideAndRemainder(sum);
                parts[i] = quotient[0].longValueExact();
                remainders[i] = quotient[1];
                allocated = allocated.add(quotient[0]);
            }
            // fewer than n units are left: each remainder is below one unit
            long leftover = magnitude.subtract(allocated).longValueExact();
            if (leftover > 0) {
                Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.<Integer, BigInteger> comparing(i -> remainders[i]).reversed()
                        .thenComparing(i -> i));
                for (int k = 0; k < leftover; k++) {
                    parts[order[k]]++;
                }
            }
            if (total < 0) {
                for (int i = 0; i < n; i++) {
                    parts[i] = -parts[i];
                }
            }
            return parts;
        }
    }
}
