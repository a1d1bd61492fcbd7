package io.tally.attribution.domain;

import java.util.List;

import io.tally.events.Channel;

/** All credit to the last touch that was not direct; direct wins only when nothing else is in the window. */
public final class LastNonDirectModel extends SingleTouchModel {

    public static final String NAME = "last_non_direct";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    int winner(List<JourneyTouch> journey) {
        for (int i = journey.size() - 1; i >= 0; i--) {
            if (journey.get(i).channel() != Channel.DIRECT) {
                return i;
            }
        }
        return journey.size() - 1;
    }
}
