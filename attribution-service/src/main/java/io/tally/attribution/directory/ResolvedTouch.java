package io.tally.attribution.directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.tally.events.TouchKind;

/**
 * A journey touch with the campaign and programme its code resolves to (null when it resolves to none): a stored
 * touchpoint, or the redemption of a coupon that a campaign issued; with its kind and the weight that kind has (0: it
 * earns nothing).
 */
public record ResolvedTouch(String eventId, Instant occurredAt, String channel, TouchKind kind, BigDecimal weight,
        UUID campaignId, UUID programmeId, int lookbackDays) {

    /** Whether the touch may earn credit. */
    public boolean eligible() {
        return weight.signum() > 0;
    }
}
