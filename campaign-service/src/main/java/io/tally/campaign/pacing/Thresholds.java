package io.tally.campaign.pacing;

import java.math.BigDecimal;

/**
 * Where statuses change, as the ratio of attributed revenue to the revenue expected by now.
 *
 * @param onTrack at or above: on track (default 0.95)
 * @param atRisk at or above, below {@code onTrack}: at risk (default 0.80); below: behind
 * @param minElapsed before this share of the period is expected, a goal is not judged (on track) (default 0.05)
 */
public record Thresholds(BigDecimal onTrack, BigDecimal atRisk, BigDecimal minElapsed) {

    /** The defaults: 0.95, 0.80, 0.05. */
    public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("0.95"), new BigDecimal("0.80"),
            new BigDecimal("0.05"));

    public Thresholds {
        if (atRisk.signum() <= 0 || atRisk.compareTo(onTrack) > 0 || onTrack.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("thresholds need 0 < atRisk <= onTrack <= 1");
        }
        if (minElapsed.signum() < 0 || minElapsed.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("minElapsed must be in [0, 1)");
        }
    }
}
