package io.tally.campaign.pacing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A seasonality curve by weekday: each day of the period carries its weekday's weight (a missing weekday weighs 1),
 * and the hours of a day accrue its weight evenly (a DST day has 23 or 25 of them). E.g. weights Mon–Fri 1, Sat–Sun 0
 * expect nothing at weekends.
 */
public final class WeekdayPacing implements PacingCurve {

    private static final PacingCurve LINEAR = new LinearPacing();

    private final Map<DayOfWeek, BigDecimal> weights = new EnumMap<>(DayOfWeek.class);

    /** @throws IllegalArgumentException for a negative weight, or when every weekday weighs 0 */
    public WeekdayPacing(Map<DayOfWeek, BigDecimal> weights) {
        for (DayOfWeek day : DayOfWeek.values()) {
            BigDecimal w = weights.getOrDefault(day, BigDecimal.ONE);
            if (w.signum() < 0) {
                throw new IllegalArgumentException("the weight of " + day + " is negative");
            }
            this.weights.put(day, w);
        }
        if (this.weights.values().stream().allMatch(w -> w.signum() == 0)) {
            throw new IllegalArgumentException("at least one weekday must weigh more than 0");
        }
    }

    @Override
    public String name() {
        return "weekday";
    }

    /** A period whose days all weigh 0 (a weekend-only curve on a midweek goal) paces linearly. */
    @Override
    public BigDecimal expectedFraction(GoalPeriod period, Instant at) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal done = BigDecimal.ZERO;
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            BigDecimal weight = weights.get(day.getDayOfWeek());
            total = total.add(weight);
            Instant start = day.atStartOfDay(period.zone()).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(period.zone()).toInstant();
            if (!at.isBefore(end)) {
                done = done.add(weight);
            } else if (at.isAfter(start)) {
                BigDecimal elapsed = BigDecimal.valueOf(Duration.between(start, at).toMillis());
                BigDecimal length = BigDecimal.valueOf(Duration.between(start, end).toMillis());
                done = done.add(weight.multiply(elapsed).divide(length, MathContext.DECIMAL64));
            }
        }
        if (total.signum() == 0) {
            return LINEAR.expectedFraction(period, at); // nothing to weigh by: time is all there is
        }
        return done.divide(total, MathContext.DECIMAL64);
    }
}
