package io.tally.attribution.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A model that gives one touch all the credit; subclasses say which. */
abstract class SingleTouchModel implements AttributionModel {

    /** The position of the touch that earns everything, in a non-empty journey. */
    abstract int winner(List<JourneyTouch> journey);

    @Override
    public final List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        List<BigDecimal> weights = new ArrayList<>(Collections.nCopies(journey.size(), BigDecimal.ZERO));
        weights.set(winner(journey), BigDecimal.ONE);
        return weights;
    }
}
