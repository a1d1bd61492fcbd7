package io.tally.connectors.social.domain;

import java.time.Instant;

import io.tally.events.Channel;
import io.tally.events.Identifiers;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;

/**
 * One engagement with an organic social post, already checked.
 *
 * @param network the social network, lower case ({@code instagram})
 * @param linkId the tracking code of the post's link, when it has one
 * @param identifiers who engaged; the e-mail address only as its SHA-256
 */
public record Engagement(String id, String network, EngagementType type, Instant occurredAt, String linkId,
        Identifiers identifiers) {

    /** The medium of every organic engagement touchpoint (as {@code utm_medium=social} on the web). */
    public static final String MEDIUM = "social";

    /** The touchpoint on organic social, with id {@code social:<network>:<id>}. */
    public Touchpoint toTouchpoint() {
        return new Touchpoint("social:" + network + ":" + id, occurredAt, Channel.ORGANIC_SOCIAL, type.interaction(),
                network, MEDIUM, linkId, identifiers, null, null, Trust.VERIFIED);
    }
}
