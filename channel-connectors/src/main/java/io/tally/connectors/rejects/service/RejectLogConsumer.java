package io.tally.connectors.rejects.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tally.events.Reject;
import io.tally.support.messaging.EventIntake;

/**
 * Reads every service's dead letters from {@code tally.rejects} (its own consumer group, {@code connectors-reject-log},
 * from the earliest record the topic keeps) into the {@link RejectLog}, a poll's batch in one transaction. A record
 * that is no readable {@code Reject} is logged under {@value #SOURCE} by {@link RejectLogDeadLetters}, never sent to
 * {@code tally.rejects} again.
 */
@ApplicationScoped
public class RejectLogConsumer {

    /** The source named on the log's own rejects: records of {@code tally.rejects} that are no dead letter. */
    public static final String SOURCE = "connectors.rejects";

    @Inject
    EventIntake intake;
    @Inject
    RejectLog log;

    @Incoming("rejects")
    @Blocking
    public void rejects(List<byte[]> payloads) {
        intake.acceptAll(SOURCE, payloads, Reject.class, log::record);
    }
}
