package io.tally.attribution.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tally.events.Channel;

/** All credit to the last touch that was not direct; direct wins only when nothing else is in the window. */
public final class LastNonDirectModel implements AttributionModel {

    public static final String NAME = "last_non_direct";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        List<BigDecimal> weights = new ArrayList<>(Collections.nCopies(journey.size(), BigDecimal.ZERO));
        int winner = journey.size() - 1;
        for (int i = journey.size() - 1; i >= 0; i--) {
            if (journey.get(i).channel() != Channel.DIRECT) {
                winner = i;
                break;
            }
        }
        weights.set(winner, BigDecimal.ONE);
        return weights;
    }
}
