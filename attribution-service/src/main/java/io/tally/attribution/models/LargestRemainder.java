package io.tally.attribution.models;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

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
        /** The same numerators and sum as longs when they fit (most rule-based weights), else null. */
        private final long[] small;
        private final long smallSum;

        private Proportions(BigInteger[] numerators, BigInteger sum) {
            this.numerators = numerators;
            this.sum = sum;
            long[] longs = null;
            if (sum.bitLength() < Long.SIZE - 1) { // every numerator is at most the sum
                longs = new long[numerators.length];
                for (int i = 0; i < longs.length; i++) {
                    longs[i] = numerators[i].longValue();
                }
            }
            this.small = longs;
            this.smallSum = sum.longValue();
        }

        /**
         * @param total the whole, in units; may be negative
         * @return one part per weight, summing exactly to {@code total}
         */
        public long[] split(long total) {
            long[] parts = total == Long.MIN_VALUE ? null : splitInLongs(Math.abs(total));
            if (parts == null) {
                parts = splitInBigIntegers(total);
            }
            if (total < 0) {
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = -parts[i];
                }
            }
            return parts;
        }

        /** The split of a non-negative total in long arithmetic; null when a product {@code M·nᵢ} would overflow. */
        private long[] splitInLongs(long magnitude) {
            if (small == null) {
                return null;
            }
            int n = small.length;
            long[] parts = new long[n];
            long[] remainders = new long[n];
            long allocated = 0;
            for (int i = 0; i < n; i++) {
                long product = magnitude * small[i];
                if (Math.multiplyHigh(magnitude, small[i]) != 0 || product < 0) {
                    return null;
                }
                parts[i] = product / smallSum;
                remainders[i] = product % smallSum;
                allocated += parts[i];
            }
            // fewer than n units are left: each remainder is below one unit
            giveLeftover(parts, magnitude - allocated, (i, j) -> remainders[i] > remainders[j]);
            return parts;
        }

        /** The split of {@code |total|} in exact big-integer arithmetic, whatever the weights' size. */
        private long[] splitInBigIntegers(long total) {
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
            giveLeftover(parts, magnitude.subtract(allocated).longValueExact(),
                    (i, j) -> remainders[i].compareTo(remainders[j]) > 0);
            return parts;
        }
    }

    /** Whether part {@code i}'s remainder is larger than part {@code j}'s. */
    @FunctionalInterface
    private interface LargerRemainder {
        boolean larger(int i, int j);
    }

    /** One unit each to the {@code leftover} largest remainders (ties: the earlier position); leftover < parts. */
    private static void giveLeftover(long[] parts, long leftover, LargerRemainder larger) {
        boolean[] given = new boolean[parts.length];
        for (long k = 0; k < leftover; k++) {
            int best = -1;
            for (int i = 0; i < parts.length; i++) {
                if (!given[i] && (best < 0 || larger.larger(i, best))) {
                    best = i;
                }
            }
            given[best] = true;
            parts[best]++;
        }
    }
}
