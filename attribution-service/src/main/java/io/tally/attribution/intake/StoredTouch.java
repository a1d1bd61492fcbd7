package io.tally.attribution.intake;

import java.time.Instant;

/** A stored touchpoint as journeys read it (a projection: no entity to manage). */
public record StoredTouch(String eventId, Instant occurredAt, String channel, String interactionType, String source,
        String medium, String campaignCode, String url, Long profileId) {
}
