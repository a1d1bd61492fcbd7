package io.tally.campaign.pacing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.tally.events.Ratios;

/**
 * Computes a goal's progress: attributed revenue against what the pacing curve expects by now, a run-rate forecast
 * under the same curve, and a status.
 *
 * <p>
 * Status: {@code achieved} once attributed reaches the goal; otherwise {@code behind} after the period; otherwise
 * {@code on_track} while less than {@link Thresholds#minElapsed()} of the goal is expected (too early to judge: one
 * missing sale in the first hours would read as far behind); otherwise by the ratio attributed / expected against
 * {@link Thresholds#onTrack()} and {@link Thresholds#atRisk()}.
 */
public final class ProgressCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PacingCurve curve;
    private final Thresholds thresholds;

    public ProgressCalculator(PacingCurve curve, Thresholds thresholds) {
        this.curve = curve;
        this.thresholds = thresholds;
    }

    /**
     * @param scale the currency's minor-unit digits (2 for EUR, 0 for JPY)
     * @throws IllegalArgumentException for a goal that is not positive, or negative revenue or cost
     */
    public GoalProgress compute(BigDecimal goal, int scale, BigDecimal attributed, BigDecimal cost,
            GoalPeriod period, Instant now) {
        if (goal.signum() <= 0) {
            throw new IllegalArgumentException("goal amount must be positive");
        }
        if (attributed.signum() < 0 || cost.signum() < 0) {
            throw new IllegalArgumentException("attributed revenue and cost must not be negative");
        }
        BigDecimal fraction = curve.expectedFraction(period, now);
        BigDecimal expected = money(goal.multiply(fraction), scale);
        BigDecimal actual = money(attributed, scale);
        BigDecimal roas = Ratios.roas(attributed, cost);
        BigDecimal percent = HUNDRED.multiply(attributed).divide(goal, 2, RoundingMode.HALF_EVEN);

        boolean before = now.isBefore(period.start());
        boolean over = !now.isBefore(period.end());
        BigDecimal forecast;
        String method;
        if (over) {
            forecast = actual;
            method = "final";
        } else if (before || fraction.signum() == 0) {
            forecast = null;
            method = "not_started";
        } else {
            forecast = money(attributed.divide(fraction, MathContext.DECIMAL64), scale);
            method = "run_rate_" + curve.name();
        }

        BigDecimal remaining = money(goal.subtract(attributed).max(BigDecimal.ZERO), scale);
        BigDecimal dailyRate = null;
        if (!before && !over) {
            LocalDate today = now.atZone(period.zone()).toLocalDate();
            long daysLeft = ChronoUnit.DAYS.between(today, period.lastDay()) + 1;
            dailyRate = remaining.divide(BigDecimal.valueOf(daysLeft), scale, RoundingMode.HALF_EVEN);
        }

        GoalStatus status;
        if (attributed.compareTo(goal) >= 0) {
            status = GoalStatus.ACHIEVED;
        } else if (over) {
            status = GoalStatus.BEHIND;
        } else if (fraction.compareTo(thresholds.minElapsed()) < 0 || expected.signum() == 0) {
            status = GoalStatus.ON_TRACK;
        } else {
            BigDecimal ratio = attributed.divide(goal.multiply(fraction), MathContext.DECIMAL64);
            status = ratio.compareTo(thresholds.onTrack()) >= 0
                    ? GoalStatus.ON_TRACK
                    : ratio.compareTo(thresholds.atRisk()) >= 0 ? GoalStatus.AT_RISK : GoalStatus.BEHIND;
        }
        return new GoalProgress(money(goal, scale), actual, money(cost, scale), roas, percent,
                fraction.setScale(6, RoundingMode.HALF_EVEN), expected, actual.subtract(expected), forecast, method,
                remaining, dailyRate, status);
    }

    private static BigDecimal money(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
