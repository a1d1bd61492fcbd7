package io.tally.attribution.domain;

import java.util.List;

/** All credit to the first touch of the journey. */
public final class FirstTouchModel extends SingleTouchModel {

    public static final String NAME = "first_touch";

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
        return 0;
    }
}
