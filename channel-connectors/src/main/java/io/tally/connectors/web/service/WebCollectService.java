package io.tally.connectors.web.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.messaging.EventPublisher;
import io.tally.connectors.messaging.OutgoingEvent;
import io.tally.connectors.messaging.PublishFailedException;
import io.tally.connectors.web.domain.WebEvent;
import io.tally.connectors.web.domain.WebEventMapper;
import io.tally.connectors.web.domain.WebEventReader;
import io.tally.events.Conversion;
import io.tally.events.Event;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violations;
import io.tally.support.problem.ProblemException;

/**
 * Collects beacon events: validates the whole request, maps it to touchpoints and conversions, and publishes them all,
 * or nothing when any event is invalid.
 */
@ApplicationScoped
public class WebCollectService {

    private final ConnectorsConfig config;
    private final EventPublisher publisher;
    private final Clock clock;
    private final WebEventReader reader;

    @Inject
    public WebCollectService(ConnectorsConfig config, EventPublisher publisher) {
        this(config, publisher, Clock.systemUTC());
    }

    WebCollectService(ConnectorsConfig config, EventPublisher publisher, Clock clock) {
        this.config = config;
        this.publisher = publisher;
        this.clock = clock;
        this.reader = new WebEventReader(config.web().maxClockSkew());
    }

    /**
     * Validates and publishes one event (an object) or a batch (an array), waiting for the broker's acknowledgement.
     *
     * @return the ids of the published events, in request order
     * @throws ProblemException 400 listing every bad field, 413 for an oversized batch, 503 when Kafka did not acknowledge
     */
    public List<String> collect(JsonNode body) {
        List<Event> events = read(body);
        List<OutgoingEvent> outgoing = events.stream().map(WebCollectService::outgoing).toList();
        try {
            publisher.publishAll(outgoing);
        } catch (PublishFailedException e) {
            throw ProblemException.unavailable("The events could not be stored; retry later.",
                    (int) Math.max(1, config.publish().retryAfter().toSeconds()));
        }
        return events.stream().map(Event::eventId).toList();
    }

    /** Every event of the request, validated as input and again as Tally events; throws with all violations found. */
    List<Event> read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("", "an event object or an array of events is required");
        }
        boolean batch = body.isArray();
        if (batch && body.isEmpty()) {
            throw ProblemException.invalid("", "the array must contain at least one event");
        }
        int max = config.web().maxBatchSize();
        if (batch && body.size() > max) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "a request may carry at most " + max + " events, this one has " + body.size(), null, null);
        }
        Violations violations = new Violations();
        List<Event> events = new ArrayList<>(batch ? body.size() : 1);
        for (int i = 0; i < (batch ? body.size() : 1); i++) {
            JsonNode node = batch ? body.get(i) : body;
            within(batch ? "[" + i + "]" : null, violations, () -> {
                WebEvent event = reader.read(node, clock.instant(), violations);
                if (event != null) {
                    Event mapped = WebEventMapper.toEvent(event);
                    mapped.validate(violations);
                    events.add(mapped);
                }
            });
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.list());
        }
        return events;
    }

    /** Runs a validation step under the JSON path of one array element, or at the top for a single object. */
    private static void within(String path, Violations violations, Runnable step) {
        if (path == null) {
            step.run();
        } else {
            violations.nested(path, step, Runnable::run);
        }
    }

    private static OutgoingEvent outgoing(Event event) {
        if (event instanceof Touchpoint touchpoint) {
            return OutgoingEvent.of(touchpoint);
        }
        if (event instanceof Conversion conversion) {
            return OutgoingEvent.of(conversion);
        }
        throw new IllegalArgumentException("the web collector does not publish " + event.getClass().getSimpleName());
    }
}
