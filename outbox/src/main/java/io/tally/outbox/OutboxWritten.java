package io.tally.outbox;

/** Fired when an outbox row is written; transactional observers see it only after the commit. */
public record OutboxWritten(String topic) {
}
