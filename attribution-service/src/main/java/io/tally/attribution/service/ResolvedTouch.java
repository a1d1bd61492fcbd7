package io.tally.attribution.service;

import java.util.UUID;

import io.tally.attribution.repository.TouchpointEntity;

/** A touch with the campaign and programme its tracking code resolves to (null when it resolves to none). */
record ResolvedTouch(TouchpointEntity touch, UUID campaignId, UUID programmeId, int lookbackDays) {
}
