package io.tally.connectors.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tally.connectors.config.ConnectorsConfig;
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
 * deduplicate by event id → publish and wait for the broker → count. Two modes:
 * <ul>
 * <li>{@link #ingestAll}: a client is waiting (beacons, webhooks). All or nothing: any bad record answers 400 with every
 * bad field and nothing is published; a broker failure answers 503 with Retry-After.</li>
 * <li>{@link #ingestEach}: bulk input (files, exports). Each bad record becomes a dead letter on {@code tally.rejects}
 * with its field and reason, the rest goes on; publishing is retried under the {@link RetryPolicy}.</li>
 * </ul>
 */
@ApplicationScoped
public class IngestPipeline {

    @Inject
    DedupStore dedup;
    @Inject
    EventPublisher publisher;
    @Inject
    SourceMetrics metrics;
    @Inject
    ConnectorsConfig config;

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
        try {
            return publish(connector.source(), events, List.of());
        } catch (PublishFailedException e) {
            metrics.rejected(connector.source(), "unavailable", events.size());
            throw ProblemException.unavailable("The events could not be stored; retry later with the same request.",
                    (int) Math.max(1, config.publish().retryAfter().toSeconds()));
        }
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
                rejected.add(new Ingested.Rejected(i, Reject.of(rejectId(connector.source(), payload), Instant.now(),
                        connector.source(), payload, violations.list())));
            }
        }
        if (!rejected.isEmpty()) {
            metrics.rejected(connector.source(), "invalid", rejected.size());
        }
        return config.retry().policy().call(() -> publish(connector.source(), events, rejected));
    }

    private static <I> List<Event> mapAndValidate(SourceConnector<I> connector, I record, Violations violations) {
        int before = violations.list().size();
        List<Event> mapped = new ArrayList<>(connector.map(record, violations));
        if (violations.list().size() == before) {
            mapped.forEach(event -> event.validate(violations));
        }
        return violations.list().size() == before ? mapped : List.of();
    }

    /** Claims the ids and publishes the new events (and dead letters) in one transaction; a failure frees the ids. */
    private Ingested publish(String source, List<Event> events, List<Ingested.Rejected> rejected) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> ids = new LinkedHashSet<>();
            events.forEach(e -> ids.add(e.eventId()));
            rejected.forEach(r -> ids.add(r.reject().eventId()));
            Set<String> fresh = dedup.claim(source, ids);
            List<OutgoingEvent> outgoing = new ArrayList<>();
            List<String> published = new ArrayList<>();
            List<String> duplicates = new ArrayList<>();
            for (Event event : events) {
                if (fresh.remove(event.eventId())) {
                    outgoing.add(OutgoingEvent.of(event));
                    published.add(event.eventId());
                } else {
                    duplicates.add(event.eventId());
                }
            }
            for (Ingested.Rejected r : rejected) {
                if (fresh.remove(r.reject().eventId())) {
                    outgoing.add(OutgoingEvent.of(r.reject()));
                }
            }
            long start = System.nanoTime();
            publisher.publishAll(outgoing);
            metrics.publishLatency(source, java.time.Duration.ofNanos(System.nanoTime() - start));
            metrics.accepted(source, published.size());
            metrics.deduplicated(source, duplicates.size());
            return new Ingested(events.stream().map(Event::eventId).toList(), published, duplicates, rejected);
        });
    }

    /** A dead letter's id: stable for the same payload from the same source, so a re-upload adds no new one. */
    static String rejectId(String source, String payload) {
        return "reject:" + UUID.nameUUIDFromBytes((source + "\n" + payload).getBytes(StandardCharsets.UTF_8));
    }
}
