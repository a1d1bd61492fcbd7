package io.tally.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.tally.events.validation.Violations;

/**
 * How one model credited one conversion (or a change to that credit). The credits' amounts sum exactly to
 * {@code revenue}; the credits' {@code conversions} sum exactly to 1 (or -1 for a reversal). Key on
 * {@link Topics#ATTRIBUTIONS}: the conversion's event id.
 *
 * @param kind {@code original} for the first credit of a conversion; {@code adjustment} for a later change (a refund, a
 *        late touchpoint, an identity merge): adjustments add to the originals, nothing is rewritten
 * @param revenue the amount this entry splits: the conversion's revenue for an original, the signed change otherwise
 */
public record Attribution(
        String eventId,
        String conversionEventId,
        String orderId,
        Instant conversionAt,
        String model,
        String modelVersion,
        Kind kind,
        Money revenue,
        List<Credit> credits) implements Event {

    /** Whether an entry is a conversion's first credit or a later change to it. */
    public enum Kind {
        ORIGINAL, ADJUSTMENT;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        static Kind parse(String name) {
            return WireNames.parse(Kind.class, name, "attribution kind");
        }
    }

    /**
     * One touch's share. {@code touchpointEventId} and {@code channel} are null on the conversion's unattributed line (no
     * eligible touch); {@code campaignId} and {@code programmeId} are null when the touch's code resolved to no campaign.
     *
     * @param conversions the fractional conversion credited to this touch (e.g. 0.333334)
     */
    public record Credit(
            String touchpointEventId,
            Channel channel,
            UUID campaignId,
            UUID programmeId,
            Money amount,
            BigDecimal conversions) {
    }

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 400);
        v.requiredText("conversionEventId", conversionEventId, 200);
        v.required("model", model);
        v.required("kind", kind);
        if (v.required("revenue", revenue)) {
            v.nested("revenue", revenue, r -> r.validate(v));
        }
        if (credits == null || credits.isEmpty()) {
            v.add("credits", "at least one credit is required");
        }
    }
}
