package io.tally.attribution.messaging;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.tally.attribution.config.AttributionConfig;
import io.tally.events.Event;
import io.tally.events.json.EventJson;
import io.tally.events.validation.InvalidEventException;

/**
 * What every consumer of this service does with a record: parse and validate it with the event contract (a bad record
 * becomes a dead letter, never a stuck partition), then process it, retrying a few times in fresh transactions. A record
 * that processing finds invalid (an {@link InvalidEventException}, e.g. a refund in another currency than its order) is a
 * dead letter too. A record that still fails is rethrown, so the offset is not committed and the record is not lost.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    @Inject
    RejectPublisher rejects;
    @Inject
    AttributionConfig config;

    public <T extends Event> void accept(String source, byte[] payload, Class<T> type, Consumer<T> processing) {
        T event;
        try {
            event = EventJson.read(payload == null ? new byte[0] : payload, type);
        } catch (InvalidEventException e) {
            rejects.reject(source, payload, e.violations());
            return;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= config.processingAttempts(); attempt++) {
            try {
                processing.accept(event);
                return;
            } catch (InvalidEventException e) {
                rejects.reject(source, payload, e.violations());
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf(e, "processing %s %s failed (attempt %d of %d)", source, event.eventId(), attempt,
                        config.processingAttempts());
            }
        }
        throw last;
    }
}
