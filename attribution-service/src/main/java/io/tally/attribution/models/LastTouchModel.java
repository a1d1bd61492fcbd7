package io.tally.attribution.models;

import io.tally.events.Channel;

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
    int winner(Channel[] channels, int length) {
        return length - 1;
    }
}
