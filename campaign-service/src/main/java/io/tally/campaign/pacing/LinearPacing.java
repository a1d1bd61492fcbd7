package io.tally.campaign.pacing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

/** The goal accrues evenly over the period's time: the expected share is the share of the period elapsed. */
public final class LinearPacing implements PacingCurve {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public BigDecimal expectedFraction(GoalPeriod period, Instant at) {
        if (!at.isAfter(period.start())) {
            return BigDecimal.ZERO;
        }
        if (!at.isBefore(period.end())) {
            return BigDecimal.ONE;
        }
        long elapsed = Duration.between(period.start(), at).toMillis();
        long total = Duration.between(period.start(), period.end()).toMillis();
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
    }
}
