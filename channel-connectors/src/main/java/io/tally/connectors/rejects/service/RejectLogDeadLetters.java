package io.tally.connectors.rejects.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.events.Reject;
import io.tally.support.messaging.DeadLetters;

/**
 * Where the connectors' only consumer, {@link RejectLogConsumer}, puts what it cannot read: into the reject log
 * itself, under the source {@value RejectLogConsumer#SOURCE}, so it shows on the data page. Sending it to
 * {@code tally.rejects} would feed the consumer its own output.
 */
@ApplicationScoped
public class RejectLogDeadLetters implements DeadLetters {

    @Inject
    RejectLog log;

    @Override
    public void send(Reject reject) {
        log.record(List.of(reject));
    }
}
