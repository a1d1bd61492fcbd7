package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.tally.events.Channel;

/** A model that gives one touch all the credit; subclasses say which. */
abstract class SingleTouchModel implements AttributionModel {

    /** The position of the touch that earns everything, in a non-empty journey of these channels. */
    abstract int winner(Channel[] channels, int length);

    @Override
    public final List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        Channel[] channels = journey.stream().map(JourneyTouch::channel).toArray(Channel[]::new);
        List<BigDecimal> weights = new ArrayList<>(Collections.nCopies(journey.size(), BigDecimal.ZERO));
        weights.set(winner(channels, channels.length), BigDecimal.ONE);
        return weights;
    }

    @Override
    public final void pathWeights(Channel[] channels, int length, double[] into) {
        Arrays.fill(into, 0, length, 0);
        into[winner(channels, length)] = 1;
    }
}
