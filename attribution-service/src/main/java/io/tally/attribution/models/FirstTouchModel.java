package io.tally.attribution.models;

import io.tally.events.Channel;

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
    int winner(Channel[] channels, int length) {
        return 0;
    }
}
