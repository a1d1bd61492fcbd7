package io.tally.attribution.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** All credit to the last touch before the conversion. */
public final class LastTouchModel implements AttributionModel {

    public static final String NAME = "last_touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        List<BigDecimal> weights = new ArrayList<>(Collections.nCopies(journey.size(), BigDecimal.ZERO));
        weights.set(journey.size() - 1, BigDecimal.ONE);
        return weights;
    }
}
