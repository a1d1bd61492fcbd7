package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tally.events.Money;

/**
 * How the reports turn exact sums into figures: minor units into decimals of the currency's scale, millionths of a
 * conversion into a decimal, a group's display name, and the ratios (ROAS, ROI, CPA, shares) at fixed scales with
 * half-even rounding; a ratio over zero is null, never a division error.
 */
final class ReportFigures {

    private ReportFigures() {
    }

    static BigDecimal money(long minor, String currency) {
        return Money.ofMinor(minor, currency).amount();
    }

    /** Fractional conversions from millionths, without trailing zeros ({@code 12.5}, {@code 1}). */
    static BigDecimal conversions(long units) {
        BigDecimal value = BigDecimal.valueOf(units, 6).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Return on ad spend, revenue / cost, to 4 decimals. */
    static BigDecimal roas(BigDecimal revenue, BigDecimal cost) {
        return cost.signum() == 0 ? null : revenue.divide(cost, 4, RoundingMode.HALF_EVEN);
    }

    /** Return on investment, (revenue − cost) / cost, to 4 decimals. */
    static BigDecimal roi(BigDecimal revenue, BigDecimal cost) {
        return cost.signum() == 0 ? null : revenue.subtract(cost).divide(cost, 4, RoundingMode.HALF_EVEN);
    }

    /** {@code part} as a percentage of {@code whole}, to 2 decimals. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
    }

    /** A group's name as shown: the campaign, programme or channel name, else its id; the kind for the rest. */
    static String nameOf(ReportRow row) {
        return switch (row.kind()) {
            case "unattributed" -> "unattributed";
            case "unassigned" -> "unassigned";
            default -> row.name() == null ? row.id() : row.name();
        };
    }
}
