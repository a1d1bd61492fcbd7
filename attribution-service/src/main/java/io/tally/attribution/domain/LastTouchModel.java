package io.tally.attribution.domain;

import java.util.List;

/** All credit to the last touch before the conversion. */
public final class LastTouchModel extends SingleTouchModel {

    public static final String NAME = "last_touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean positionalOnly() {
        return true;
    }

    @Override
    int winner(List<JourneyTouch> journey) {
        return journey.size() - 1;
    }
}
