package io.tally.connectors.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.messaging.BrokerGate;
import io.tally.connectors.messaging.EventPublisher;
import io.tally.connectors.messaging.OutgoingEvent;
import io.tally.connectors.messaging.PublishFailedException;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Event;
import io.tally.events.Reject;
import io.tally.events.validation.Violations;
import io.tally.support.problem.ProblemException;

/**
 * The shared path of every source: map (the source's {@link SourceConnector}) → validate against the event contract →
 * deduplicate by event id → publish and wait for the broker (holding no database connection meanwhile) → count. Two
 * modes:
 * <ul>
 * <li>{@link #ingestAll}: a client is waiting (beacons, webhooks). All or nothing: any bad record answers 400 with every
 * bad field and nothing is published; a broker failure answers 503 with Retry-After, at once while the
 * {@link BrokerGate} knows the broker is unreachable.</li>
 * <li>{@link #ingestEach}: bulk input (files, exports). Each bad record becomes a dead letter on {@code tally.rejects}
 * with its field and reason, the rest goes on; publishing is retried under the {@link RetryPolicy}.</li>
 * </ul>
 */
@ApplicationScoped
public class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    @Inject
    DedupStore dedup;
    @Inject
    EventPublisher publisher;
    @Inject
    SourceMetrics metrics;
    @Inject
    ConnectorsConfig config;
    @Inject
    BrokerGate gate;

    /** Built once from {@code tally.connectors.retry.*}. */
    private RetryPolicy retry;

    @PostConstruct
    void buildRetryPolicy() {
        retry = config.retry().policy();
    }

    /**
     * @param batch true when the records came as a JSON array: violations are then reported as {@code [i].field}
     * @throws ProblemException 400 with every violation, or 503 when the broker did not acknowledge
     */
    public <I> Ingested ingestAll(SourceConnector<I> connector, List<I> records, boolean batch) {
        Violations violations = new Violations();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            I record = records.get(i);
            if (batch) {
                violations.nested("[" + i + "]", record, r -> events.addAll(mapAndValidate(connector, r, violations)));
            } else {
                events.addAll(mapAndValidate(connector, record, violations));
            }
        }
        if (!violations.isEmpty()) {
            metrics.rejected(connector.source(), "invalid", records.size());
            throw ProblemException.invalid(violations.list());
        }
        if (!gate.admits()) {
            metrics.rejected(connector.source(), "unavailable", events.size());
            throw unavailable();
        }
        try {
            return publish(connector.source(), events, List.of());
        } catch (PublishFailedException e) {
            metrics.rejected(connector.source(), "unavailable", events.size());
            throw unavailable();
        }
    }

    private ProblemException unavailable() {
        return ProblemException.unavailable("The events could not be stored; retry later with the same request.",
                (int) Math.max(1, config.publish().retryAfter().toSeconds()));
    }

    /**
     * Ingests each record on its own: bad ones become dead letters (with the raw record from {@code raw}), good ones
     * are published. Retries publishing under the configured {@link RetryPolicy}.
     *
     * @throws PublishFailedException when the broker stayed unavailable through every retry
     */
    public <I> Ingested ingestEach(SourceConnector<I> connector, List<I> records, Function<I, String> raw) {
        List<Event> events = new ArrayList<>();
        List<Ingested.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Violations violations = new Violations();
            List<Event> mapped = mapAndValidate(connector, records.get(i), violations);
            if (violations.isEmpty()) {
                events.addAll(mapped);
            } else {
                String payload = raw.apply(records.get(i));
                rejected.add(new Ingested.Rejected(i, Reject.of(Instant.now(), connector.source(), payload,
                        violations.list())));
            }
        }
        if (!rejected.isEmpty()) {
            metrics.rejected(connector.source(), "invalid", rejected.size());
        }
        return retry.call(() -> publish(connector.source(), events, rejected));
    }

    private static <I> List<Event> mapAndValidate(SourceConnector<I> connector, I record, Violations violations) {
        int before = violations.list().size();
        List<Event> mapped = new ArrayList<>(connector.map(record, violations));
        if (violations.list().size() == before) {
            mapped.forEach(event -> event.validate(violations));
        }
        return violations.list().size() == before ? mapped : List.of();
    }

    /**
     * Publishes the events (and dead letters) not published before, then remembers their ids. The database is read
     * before and written after the broker's acknowledgement, never held while it is waited for; a failure remembers
     * nothing, so the retry publishes again.
     */
    private Ingested publish(String source, List<Event> events, List<Ingested.Rejected> rejected) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.eventId()));
        rejected.forEach(r -> ids.add(r.reject().eventId()));
        Set<String> fresh = dedup.unseen(ids);
        List<OutgoingEvent> outgoing = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        List<String> published = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (Event event : events) {
            if (fresh.remove(event.eventId())) {
                outgoing.add(OutgoingEvent.of(event));
                published.add(event.eventId());
                sent.add(event.eventId());
            } else {
                duplicates.add(event.eventId());
            }
        }
        for (Ingested.Rejected r : rejected) {
            if (fresh.remove(r.reject().eventId())) {
                outgoing.add(OutgoingEvent.of(r.reject()));
                sent.add(r.reject().eventId());
            }
        }
        long start = System.nanoTime();
        try {
            publisher.publishAll(outgoing);
        } catch (PublishFailedException e) {
            if (e.brokerUnreachable()) {
                gate.unreachable();
            }
            throw e;
        }
        if (!outgoing.isEmpty()) {
            gate.acknowledged();
        }
        metrics.publishLatency(source, Duration.ofNanos(System.nanoTime() - start));
        remember(source, sent);
        metrics.accepted(source, published.size());
        metrics.deduplicated(source, duplicates.size());
        return new Ingested(events.stream().map(Event::eventId).toList(), published, duplicates, rejected);
    }

    /** Records the published ids; if the database fails now, a redelivery is published again (which is safe). */
    private void remember(String source, List<String> sent) {
        try {
            dedup.remember(source, sent);
        } catch (RuntimeException e) {
            LOG.warnf("Published %d event(s) of %s but could not record their ids; a redelivery is published again",
                    sent.size(), source);
        }
    }
}
