package io.tally.campaign.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tally.events.Event;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;
import io.tally.events.validation.InvalidEventException;
import io.tally.events.validation.Violation;
import io.tally.outbox.Outbox;

/**
 * What this service's consumers do with a record: parse and validate it with the event contract, then process it,
 * retrying a few times. A record that is not a valid event, or that processing finds invalid, becomes a dead letter on
 * {@code tally.rejects}, written through the outbox so it is never lost; a record that still fails is rethrown, so its
 * offset is not committed.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final int ATTEMPTS = 3;

    @Inject
    Outbox outbox;

    public <T extends Event> void accept(String source, byte[] payload, Class<T> type, Consumer<T> processing) {
        T event;
        try {
            event = EventJson.read(payload == null ? new byte[0] : payload, type);
        } catch (InvalidEventException e) {
            reject(source, payload, e.violations());
            return;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                processing.accept(event);
                return;
            } catch (InvalidEventException e) {
                reject(source, payload, e.violations());
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf(e, "processing %s %s failed (attempt %d of %d)", source, event.eventId(), attempt, ATTEMPTS);
            }
        }
        throw last;
    }

    private void reject(String source, byte[] payload, List<Violation> violations) {
        String raw = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        String eventId = UUID.nameUUIDFromBytes((source + "\n" + raw).getBytes(StandardCharsets.UTF_8)).toString();
        Reject reject = Reject.of(eventId, Instant.now(), source, raw, violations);
        LOG.warnf("rejected a record from %s: %s %s", source, reject.field(), reject.reason());
        QuarkusTransaction.requiringNew().run(() -> outbox.append(Topics.REJECTS, source, reject));
    }
}
