package io.tally.attribution.ledger;

import java.util.UUID;

/**
 * What a conversion currently holds under one model for one credit key (touch, channel, campaign, programme): the net of
 * its original and adjustment rows.
 */
public record CreditPosition(
        String model,
        String touchpointEventId,
        String channel,
        UUID campaignId,
        UUID programmeId,
        long amountMinor,
        long conversionUnits) {

    /** The identity of a position, without its amounts. */
    public record Key(String touchpointEventId, String channel, UUID campaignId, UUID programmeId) {
    }

    public Key key() {
        return new Key(touchpointEventId, channel, campaignId, programmeId);
    }
}
