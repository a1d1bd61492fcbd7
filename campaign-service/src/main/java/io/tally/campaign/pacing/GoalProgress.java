package io.tally.campaign.pacing;

import java.math.BigDecimal;

/**
 * Where a goal stands at an instant. Money is at the currency's minor-unit scale.
 *
 * @param roas attributed / cost (4 decimals); null without cost
 * @param percentOfGoal 100 × attributed / goal (2 decimals)
 * @param elapsedFraction the share of the goal the pacing curve expects by now (6 decimals)
 * @param variance attributed − expectedToDate
 * @param forecast the revenue expected at the period's end; null before it starts
 * @param forecastMethod {@code not_started}, {@code final} (the period is over) or {@code run_rate_<curve>}
 * @param remaining what is still missing to the goal, never negative
 * @param requiredDailyRate remaining / days left including today; null outside the period
 */
public record GoalProgress(
        BigDecimal goal,
        BigDecimal attributed,
        BigDecimal cost,
        BigDecimal roas,
        BigDecimal percentOfGoal,
        BigDecimal elapsedFraction,
        BigDecimal expectedToDate,
        BigDecimal variance,
        BigDecimal forecast,
        String forecastMethod,
        BigDecimal remaining,
        BigDecimal requiredDailyRate,
        GoalStatus status) {
}
