package io.tally.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a customer met the programme at a touchpoint. On the wire: lower-case snake_case ({@code email_open}). */
public enum InteractionType {
    /**
     * A landing on the site or app: a page view carrying campaign parameters (UTM, a click id), an external referrer,
     * or none of them (direct). A candidate session entry: attribution counts one visit touch per session.
     */
    VISIT,
    /**
     * A page reached from within the site (the referrer is the site itself, no campaign parameters). It only keeps a
     * web session alive; it is never a touch and never earns credit (it has no {@link TouchKind}).
     */
    PAGE_VIEW,
    /** A click on an ad, link or post. */
    CLICK,
    /** An ad or post served, without a click. */
    IMPRESSION,
    /** An email opened. */
    EMAIL_OPEN,
    /** A social engagement: share, comment, reaction. */
    ENGAGEMENT,
    /** An offline contact: call, direct mail, event attendance, store visit. */
    OFFLINE_CONTACT;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    static InteractionType parse(String name) {
        return WireNames.parse(InteractionType.class, name, "interaction type");
    }
}
