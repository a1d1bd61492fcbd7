package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Exact sums of non-negative decimals, one per index: integral amounts are added as a {@code long}, anything else (or
 * an overflow) in a {@link BigDecimal} kept only where needed, so the sums do not depend on the order of the terms.
 */
public final class ExactSums {

    private long[] whole = new long[16];
    private BigDecimal[] rest;

    /** Adds an amount to the sum at an index, growing as needed. */
    public void add(int index, BigDecimal amount) {
        if (amount.scale() == 0 && amount.precision() <= 18) {
            add(index, amount.longValue());
        } else {
            addRest(index, amount);
        }
    }

    /** Adds an integral amount to the sum at an index, growing as needed. */
    public void add(int index, long amount) {
        grow(index);
        long sum = whole[index] + amount;
        if (((whole[index] ^ sum) & (amount ^ sum)) < 0) {
            addRest(index, BigDecimal.valueOf(whole[index]));
            whole[index] = amount;
        } else {
            whole[index] = sum;
        }
    }

    /** The exact sum at an index; zero for an index never added to. */
    public BigDecimal value(int index) {
        BigDecimal sum = BigDecimal.valueOf(index < whole.length ? whole[index] : 0);
        return rest == null || index >= rest.length || rest[index] == null ? sum : rest[index].add(sum);
    }

    /** Whether an amount is integral and small enough to be summed as a {@code long}. */
    public static boolean isWhole(BigDecimal amount) {
        return amount.scale() == 0 && amount.precision() <= 18;
    }

    private void addRest(int index, BigDecimal amount) {
        grow(index);
        if (rest == null) {
            rest = new BigDecimal[whole.length];
        } else if (rest.length < whole.length) {
            rest = Arrays.copyOf(rest, whole.length);
        }
        rest[index] = rest[index] == null ? amount : rest[index].add(amount);
    }

    private void grow(int index) {
        if (index >= whole.length) {
            whole = Arrays.copyOf(whole, Math.max(index + 1, whole.length * 2));
        }
    }
}
