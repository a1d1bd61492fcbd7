package io.tally.campaign.codes;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tracking code pointing at a campaign for touches at or after {@code validFrom} (null: since ever) and before
 * {@code validUntil} (null: open-ended). {@code code} is normalised ({@link TrackingCodes#normalise}).
 */
public record CodeSpan(UUID campaignId, String code, String type, Instant validFrom, Instant validUntil) {

    public CodeSpan {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("validUntil must be after validFrom: " + validFrom + ", " + validUntil);
        }
    }

    public boolean isOpenEnded() {
        return validUntil == null;
    }

    /** The same span ending at {@code until}. */
    public CodeSpan endingAt(Instant until) {
        return new CodeSpan(campaignId, code, type, validFrom, until);
    }

    /** The same span with another type. */
    public CodeSpan withType(String newType) {
        return new CodeSpan(campaignId, code, newType, validFrom, validUntil);
    }
}
