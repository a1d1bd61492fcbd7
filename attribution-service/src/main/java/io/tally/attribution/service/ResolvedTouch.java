package io.tally.attribution.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A journey touch with the campaign and programme its code resolves to (null when it resolves to none): a stored
 * touchpoint, or the redemption of a coupon that a campaign issued.
 */
record ResolvedTouch(String eventId, Instant occurredAt, String channel, UUID campaignId, UUID programmeId,
        int lookbackDays) {
}
