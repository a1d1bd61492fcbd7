package io.tally.events;

import java.time.Instant;
import java.util.List;

import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

/**
 * A dead letter: input that could not be accepted, with the raw payload and why, so nothing is dropped silently. Key on
 * {@link Topics#REJECTS}: the source.
 *
 * @param source who sent it or which consumer refused it (e.g. {@code web.collect}, {@code attribution.touchpoints})
 * @param field the first failed field (JSON path or CSV column); {@code violations} lists all of them
 */
public record Reject(
        String eventId,
        Instant rejectedAt,
        String source,
        String rawPayload,
        String field,
        String reason,
        List<Violation> violations) implements Event {

    /** A reject naming every violation; {@code field} and {@code reason} repeat the first. */
    public static Reject of(String eventId, Instant at, String source, String raw, List<Violation> violations) {
        Violation first = violations.isEmpty() ? new Violation("", "rejected") : violations.get(0);
        return new Reject(eventId, at, source, raw, first.field(), first.reason(), List.copyOf(violations));
    }

    @Override
    public void validate(Violations v) {
        v.required("eventId", eventId);
        v.required("rejectedAt", rejectedAt);
        v.required("source", source);
        v.required("reason", reason);
    }
}
