package io.tally.attribution.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.tally.attribution.config.AttributionConfig;
import io.tally.events.Reject;
import io.tally.support.messaging.DeadLetters;

/** Sends records this service cannot accept to the dead-letter topic, and waits until the broker has them. */
@ApplicationScoped
public class RejectPublisher implements DeadLetters {

    @Inject
    @Channel("rejects")
    MutinyEmitter<Record<String, Reject>> emitter;
    @Inject
    AttributionConfig config;

    @Override
    public void send(Reject reject) {
        emitter.send(Record.of(reject.source(), reject)).await().atMost(config.rejectTimeout());
    }
}
