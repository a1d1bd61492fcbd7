package io.tally.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The return figures every service reports the same way: to {@value #SCALE} decimals, rounded half-even
 * ({@code "5.0000"}), and null when there is no cost to divide by, never a division error.
 */
public final class Ratios {

    /** The decimals of a ratio. */
    public static final int SCALE = 4;

    private Ratios() {
    }

    /** Return on ad spend: {@code revenue / cost}; null when cost is zero. */
    public static BigDecimal roas(BigDecimal revenue, BigDecimal cost) {
        return cost.signum() == 0 ? null : revenue.divide(cost, SCALE, RoundingMode.HALF_EVEN);
    }

    /** Return on investment: {@code (revenue − cost) / cost}; null when cost is zero. */
    public static BigDecimal roi(BigDecimal revenue, BigDecimal cost) {
        return cost.signum() == 0 ? null : revenue.subtract(cost).divide(cost, SCALE, RoundingMode.HALF_EVEN);
    }
}
