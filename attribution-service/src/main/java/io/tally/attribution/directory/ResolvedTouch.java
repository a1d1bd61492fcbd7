package io.tally.attribution.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A journey touch with the campaign and programme its code resolves to (null when it resolves to none): a stored
 * touchpoint, or the redemption of a coupon that a campaign issued.
 */
public record ResolvedTouch(String eventId, Instant occurredAt, String channel, UUID campaignId, UUID programmeId,
        int lookbackDays) {
}
