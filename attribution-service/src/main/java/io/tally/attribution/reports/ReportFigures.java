package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tally.events.Money;

/**
 * How the reports turn exact sums into figures: minor units into decimals of the currency's scale, millionths of a
 * conversion into a decimal, a group's display name, and shares at a fixed scale with half-even rounding; a ratio over
 * zero is null, never a division error. ROAS and ROI are the contract's {@link io.tally.events.Ratios}, which
 * campaign-service's progress uses too.
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
