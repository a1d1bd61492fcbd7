package io.tally.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How far Tally trusts the source of an event. On the wire: {@code verified} or {@code unverified}; an event without
 * it counts as {@code unverified} (fail closed).
 *
 * <ul>
 * <li>{@link #VERIFIED}: the sender proved who it is: a signed webhook (Shopify, SendGrid, Mailgun, the generic ESP
 * format) or an import made with a token or API key ({@code ingest} role: offline CSV, ad-platform exports, social
 * engagements).</li>
 * <li>{@link #UNVERIFIED}: anyone could have sent it: the open web collector and the tracking pixel.</li>
 * </ul>
 * What a verified source states about an order (its revenue, its refunds) is never overridden by an unverified one; an
 * unverified source cannot refund; identity links from unverified events are bounded. See the README, "Source trust".
 */
public enum Trust {
    /** A signed webhook or an authenticated import. */
    VERIFIED,
    /** The open collector or pixel. */
    UNVERIFIED;

    /** {@code trust}, or {@link #UNVERIFIED} when the event carries none. */
    public static Trust orUnverified(Trust trust) {
        return trust == null ? UNVERIFIED : trust;
    }

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    static Trust parse(String name) {
        return WireNames.parse(Trust.class, name, "trust");
    }
}
