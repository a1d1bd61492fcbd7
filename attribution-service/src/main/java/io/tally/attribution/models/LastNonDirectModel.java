package io.tally.attribution.models;

import io.tally.events.Channel;

/** All credit to the last touch that was not direct; direct wins only when nothing else is in the window. */
public final class LastNonDirectModel extends SingleTouchModel {

    public static final String NAME = "last_non_direct";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    int winner(Channel[] channels, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (channels[i] != Channel.DIRECT) {
                return i;
            }
        }
        return length - 1;
    }
}
