package io.tally.events;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of touch a journey step is, as attribution weighs it: every {@link InteractionType} of a touchpoint, and
 * the redemption of a coupon at a purchase. A programme gives each kind a weight (its touch weights); a kind of weight
 * 0 earns no credit. On the wire: lower-case snake_case ({@code coupon_redemption}).
 */
public enum TouchKind {
    /** An ad or post served, without a click: not eligible by default (view-through credit is an analyst's choice). */
    IMPRESSION("impression", "0"),
    /** An email opened: a weaker signal than a click (privacy proxies open mails on their own). */
    EMAIL_OPEN("open", "0.5"),
    /** A click on an ad, link or post. */
    CLICK("click", "1"),
    /** A session on the site or app, entered from a channel. */
    VISIT("visit", "1"),
    /** A social engagement: share, comment, reaction. */
    ENGAGEMENT("engagement", "0.5"),
    /** An offline contact: mail drop, call, event attendance, store visit. */
    OFFLINE_CONTACT("contact", "1"),
    /** A coupon redeemed at the purchase: a touch of the campaign that issued the code, at the redemption. */
    COUPON_REDEMPTION("coupon", "0.5");

    private final String stateLabel;
    private final BigDecimal defaultWeight;

    TouchKind(String stateLabel, String defaultWeight) {
        this.stateLabel = stateLabel;
        this.defaultWeight = new BigDecimal(defaultWeight);
    }

    /**
     * The kind of a touchpoint's interaction; empty for {@link InteractionType#PAGE_VIEW}, which is no touch (internal
     * navigation only keeps a web session alive).
     */
    public static Optional<TouchKind> of(InteractionType interaction) {
        return Optional.ofNullable(switch (interaction) {
            case IMPRESSION -> IMPRESSION;
            case EMAIL_OPEN -> EMAIL_OPEN;
            case CLICK -> CLICK;
            case VISIT -> VISIT;
            case ENGAGEMENT -> ENGAGEMENT;
            case OFFLINE_CONTACT -> OFFLINE_CONTACT;
            case PAGE_VIEW -> null;
        });
    }

    /** The weight a programme that sets none gives this kind (documented in the attribution README). */
    public BigDecimal defaultWeight() {
        return defaultWeight;
    }

    /**
     * The state of a touch of this kind on {@code channel} in the data-driven models: {@code email:open} and
     * {@code email:click} are different states.
     */
    public String stateOf(String channel) {
        return channel + ":" + stateLabel;
    }

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    /** The kind for a wire name, case-insensitively; empty for an unknown name. */
    public static Optional<TouchKind> fromWireName(String name) {
        return WireNames.find(TouchKind.class, name);
    }

    @JsonCreator
    static TouchKind parse(String name) {
        return WireNames.parse(TouchKind.class, name, "touch kind");
    }
}
