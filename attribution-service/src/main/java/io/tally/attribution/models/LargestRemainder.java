package io.tally.attribution.models;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a whole number of units (cents, millionths of a conversion) in proportion to weights so that the parts sum
 * exactly to the whole: every part gets the floor of its quota, and the units left over go one each to the largest
 * fractional remainders (ties: the earlier position). Negative totals are split as their magnitude, then negated.
 */
public final class LargestRemainder {

    private static final int SCALE = 30;

    private LargestRemainder() {
    }

    /**
     * @param total the whole, in units; may be negative
     * @param weights non-negative, at least one positive
     * @return one part per weight, summing exactly to {@code total}
     */
    public static long[] split(long total, List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no weights");
        }
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.stream().anyMatch(w -> w.signum() < 0) || sum.signum() <= 0) {
            throw new IllegalArgumentException("weights must be non-negative with a positive sum: " + weights);
        }
        BigInteger magnitude = BigInteger.valueOf(total).abs();
        int n = weights.size();
        long[] parts = new long[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigInteger allocated = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal quota = new BigDecimal(magnitude).multiply(weights.get(i)).divide(sum, SCALE,
                    RoundingMode.DOWN);
            BigInteger floor = quota.toBigInteger();
            parts[i] = floor.longValueExact();
            remainders[i] = quota.subtract(new BigDecimal(floor));
            allocated = allocated.add(floor);
        }
        long leftover = magnitude.subtract(allocated).longValueExact();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer, BigDecimal> comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> i));
        for (int k = 0; k < leftover; k++) {
            parts[order[k % n]]++;
        }
        if (total < 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }
}
