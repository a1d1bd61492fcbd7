package io.tally.attribution.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.tally.attribution.config.AttributionConfig;
import io.tally.events.Reject;
import io.tally.events.validation.Violation;

/** Sends records this service cannot accept to the dead-letter topic, and waits until the broker has them. */
@ApplicationScoped
public class RejectPublisher {

    private static final Logger LOG = Logger.getLogger(RejectPublisher.class);

    @Inject
    @Channel("rejects")
    MutinyEmitter<Record<String, Reject>> emitter;
    @Inject
    AttributionConfig config;

    /** Dead-letters {@code payload} from {@code source} with every violation found. */
    public void reject(String source, byte[] payload, List<Violation> violations) {
        String raw = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        String eventId = UUID.nameUUIDFromBytes((source + "\n" + raw).getBytes(StandardCharsets.UTF_8)).toString();
        Reject reject = Reject.of(eventId, Instant.now(), source, raw, violations);
        LOG.warnf("rejected a record from %s: %s %s", source, reject.field(), reject.reason());
        emitter.send(Record.of(source, reject)).await().atMost(config.rejectTimeout());
    }
}
