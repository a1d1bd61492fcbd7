package io.tally.support.messaging;

import io.tally.events.Reject;

/**
 * Where a service's consumers put the records they cannot accept: {@code tally.rejects}, through the broker or the
 * service's outbox. Each service that consumes provides one bean.
 */
public interface DeadLetters {

    /**
     * Stores {@code reject} durably (the broker acknowledged it, or its outbox row is committed).
     *
     * @throws RuntimeException when it could not be stored; {@link EventIntake} retries a transient failure and never
     *         lets one stop the consumer
     */
    void send(Reject reject);
}
