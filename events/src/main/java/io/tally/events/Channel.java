package io.tally.events;

import java.util.Arrays;
import java.util.Locale;
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
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel for a wire name, case-insensitively; empty for an unknown name. */
    public static Optional<Channel> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(upper)).findFirst();
    }

    @JsonCreator
    static Channel parse(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + name));
    }
}
