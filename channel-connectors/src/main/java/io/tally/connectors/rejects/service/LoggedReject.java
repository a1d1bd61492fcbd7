package io.tally.connectors.rejects.service;

import java.time.Instant;

/**
 * One dead letter as the reject log keeps it: its id, when and where it was rejected, the first failed field and why,
 * and the start of the raw input ({@link RejectLog#EXCERPT_CHARS} characters at most).
 */
public record LoggedReject(String eventId, Instant rejectedAt, String source, String field, String reason,
        String rawExcerpt) {
}
