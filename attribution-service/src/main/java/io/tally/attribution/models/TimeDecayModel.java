package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Credit halves with every half-life between a touch and the conversion: weight 2^(−Δt/H). Computed with
 * {@link StrictMath}, so the weights (and therefore the credits) are identical on every JVM and platform.
 */
public final class TimeDecayModel implements AttributionModel {

    public static final String NAME = "time_decay";

    private final Duration halfLife;

    /** @param halfLife H, positive (default 7 days) */
    public TimeDecayModel(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the half-life must be positive: " + halfLife);
        }
        this.halfLife = halfLife;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return NAME + "@1;half-life=" + halfLife;
    }

    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        double h = halfLife.toMillis();
        return journey.stream()
                .map(t -> BigDecimal.valueOf(StrictMath.pow(2.0,
                        -Math.max(0, Duration.between(t.occurredAt(), conversionAt).toMillis()) / h)))
                .toList();
    }
}
