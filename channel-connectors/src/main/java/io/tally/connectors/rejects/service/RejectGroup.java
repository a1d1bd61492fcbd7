package io.tally.connectors.rejects.service;

import java.time.Instant;

/** The dead letters of one source with the same failed field and reason: how many, the first and the last. */
public record RejectGroup(String source, String field, String reason, long count, Instant firstAt, Instant lastAt) {
}
