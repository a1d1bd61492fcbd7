package io.tally.campaign.pacing;

import java.math.BigDecimal;
import java.time.Instant;

/** How much of a period's goal should be reached by an instant. */
public interface PacingCurve {

    /** The curve's name, as forecasts name their method ({@code run_rate_<name>}). */
    String name();

    /** The share of the goal expected by {@code at}, in [0, 1]: 0 before the period, 1 from its end on. */
    BigDecimal expectedFraction(GoalPeriod period, Instant at);
}
