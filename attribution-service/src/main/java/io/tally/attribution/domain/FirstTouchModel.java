package io.tally.attribution.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** All credit to the first touch of the journey. */
public final class FirstTouchModel implements AttributionModel {

    public static final String NAME = "first_touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        List<BigDecimal> weights = new ArrayList<>(Collections.nCopies(journey.size(), BigDecimal.ZERO));
        weights.set(0, BigDecimal.ONE);
        return weights;
    }
}
