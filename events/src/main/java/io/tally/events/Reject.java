package io.tally.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    /** The most characters of a raw payload a reject keeps, so a dead letter always fits a Kafka record. */
    public static final int MAX_RAW_CHARS = 65_536;
    /** The most violations a reject lists. */
    public static final int MAX_VIOLATIONS = 100;

    /**
     * The id of the dead letter of {@code raw} from {@code source}: {@code reject:} and the name-based UUID of source,
     * a line feed and the whole raw payload (before any cut). Stable, so the same bad input from the same source is one
     * dead letter however often it arrives; every service names its dead letters this way.
     */
    public static String idOf(String source, String raw) {
        return "reject:" + UUID.nameUUIDFromBytes((source + "\n" + raw).getBytes(StandardCharsets.UTF_8));
    }

    /** A reject of {@code raw} from {@code source}, with its id from {@link #idOf}, as {@link #of(String, Instant,
     * String, String, List)} says. */
    public static Reject of(Instant at, String source, String raw, List<Violation> violations) {
        return of(idOf(source, raw), at, source, raw, violations);
    }

    /**
     * A reject naming every violation (at most {@link #MAX_VIOLATIONS}); {@code field} and {@code reason} repeat the
     * first. A raw payload longer than {@link #MAX_RAW_CHARS} is cut there, and says so. Bad input may hold what no
     * store keeps and the event contract refuses to read (NUL, an unpaired surrogate, a non-character): in the payload
     * and the violations each such character is replaced by U+FFFD, so every dead letter can be stored and read again.
     */
    public static Reject of(String eventId, Instant at, String source, String raw, List<Violation> violations) {
        List<Violation> listed = (violations.size() > MAX_VIOLATIONS
                ? violations.subList(0, MAX_VIOLATIONS)
                : violations).stream().map(v -> new Violation(storable(v.field()), storable(v.reason()))).toList();
        Violation first = listed.isEmpty() ? new Violation("", "rejected") : listed.get(0);
        String kept = raw != null && raw.length() > MAX_RAW_CHARS
                ? raw.substring(0, MAX_RAW_CHARS) + "…[cut: " + raw.length() + " characters in all]"
                : raw;
        return new Reject(eventId, at, source, storable(kept), first.field(), first.reason(), listed);
    }

    /** {@code text} with NUL, unpaired surrogates and the non-characters U+FFFE and U+FFFF replaced by U+FFFD. */
    static String storable(String text) {
        if (text == null || Violations.unprintable(text, false) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || c == 0 || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void validate(Violations v) {
        v.required("eventId", eventId);
        v.required("rejectedAt", rejectedAt);
        v.required("source", source);
        v.required("reason", reason);
    }
}
