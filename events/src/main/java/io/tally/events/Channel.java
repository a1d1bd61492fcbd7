package io.tally.events;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The one channel taxonomy of Tally, close to the default channel groupings analysts know, with the offline channels of
 * an integrated programme apart: {@code direct_mail} (mail drops, catalogues), {@code phone} (calls, call centres),
 * {@code events} (trade shows, webinars, conferences), {@code retail} (store visits), and {@code offline} for any other
 * offline contact. On the wire each channel is its lower-case snake_case name ({@code paid_social}).
 */
public enum Channel {
    PAID_SEARCH, ORGANIC_SEARCH, PAID_SOCIAL, ORGANIC_SOCIAL, EMAIL, DISPLAY, AFFILIATE, REFERRAL, DIRECT, DIRECT_MAIL, PHONE, EVENTS, RETAIL, OFFLINE, OTHER;

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
