package io.tally.events;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The one channel taxonomy of Tally, close to the default channel groupings analysts know. On the wire each channel is
 * its lower-case snake_case name ({@code paid_social}).
 */
public enum Channel {
    PAID_SEARCH, ORGANIC_SEARCH, PAID_SOCIAL, ORGANIC_SOCIAL, EMAIL, DISPLAY, AFFILIATE, REFERRAL, DIRECT, OFFLINE, OTHER;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    /** The channel for a wire name, case-insensitively; empty for an unknown name. */
    public static Optional<Channel> fromWireName(String name) {
        return WireNames.find(Channel.class, name);
    }

    @JsonCreator
    static Channel parse(String name) {
        return WireNames.parse(Channel.class, name, "channel");
    }
}
