package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** Equal credit to every touch; a channel touched twice earns twice. */
public final class LinearModel implements AttributionModel {

    public static final String NAME = "linear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean positionalOnly() {
        return true;
    }

    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        return Collections.nCopies(journey.size(), BigDecimal.ONE);
    }
}
