package io.tally.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.opentelemetry.context.Context;
import io.tally.events.json.EventJson;
import io.tally.events.kafka.TraceHeaders;

/**
 * The transactional outbox: rows are written with the change and relayed to Kafka after the broker acknowledges.
 * <p>
 * A service calls {@link #append} inside the transaction that makes the change; the row commits or rolls back with it.
 * {@link OutboxRelay} then publishes committed rows right after the commit and, for whatever a failure left behind, every
 * {@code tally.outbox.poll-interval}. Delivery is at least once (a row whose acknowledgement arrived too late is sent
 * again), so consumers de-duplicate on the event's {@code eventId}. One replica sends rows in {@code id} order, but
 * events of one key can overtake each other across replicas, so events that carry state need a version.
 * <p>
 * A row keeps the W3C trace context current when it was appended (the request's or the consumed record's span, with
 * tracing on) and its record carries it as the {@code traceparent} header, so the consumer's span joins that trace.
 */
@ApplicationScoped
public class Outbox {

    /** What one relay batch did: rows locked, and how many of them (from the oldest) the broker acknowledged. */
    public record Relayed(int locked, int published) {

        /** True when every locked row was published. */
        public boolean complete() {
            return published == locked;
        }
    }

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxProducer producer;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    OutboxConfig config;

    /**
     * Adds an event to the outbox, inside the caller's transaction (there must be one: without it this throws
     * {@code TransactionalException}). The payload is the event's {@link EventJson} text.
     *
     * @param topic the Kafka topic, a constant of {@code io.tally.events.Topics}
     * @param key the record key (the partitioning key the topic's contract names)
     * @param event the event to publish
     */
    @Transactional(TxType.MANDATORY)
    public void append(String topic, String key, io.tally.events.Event event) {
        // the trace of the transaction's request or record goes with the row, so its consumers continue that trace
        String traceparent = TraceHeaders.traceparent(Context.current()).orElse(null);
        outbox.persist(OutboxMessage.of(topic, key, EventJson.toJson(event), now(), traceparent));
        written.fire(new OutboxWritten(topic));
    }

    /** An event for {@link #appendAll}: its topic, record key and the event. */
    public record Appended(String topic, String key, io.tally.events.Event event) {
    }

    /**
     * Adds events to the outbox as {@link #append} does, all with one {@code COPY}: for a transaction that writes many
     * (a batch of conversions credited under every model). Consecutive events of one topic and key share a row (its
     * payload one JSON document per line, see {@link OutboxMessage#events()}), which the relay sends as one record
     * each, in order: a conversion credited under twelve models is one row, not twelve, to insert, lock and mark.
     */
    @Transactional(TxType.MANDATORY)
    public void appendAll(List<Appended> events) {
        if (events.isEmpty()) {
            return;
        }
        // one transaction, one trace: every row carries the traceparent current in it (the batch's span, if any)
        String traceparent = TraceHeaders.traceparent(Context.current()).orElse(null);
        Instant now = now();
        List<OutboxMessage> rows = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        Appended first = events.get(0);
        for (Appended e : events) {
            if (!e.topic().equals(first.topic()) || !e.key().equals(first.key())) {
                rows.add(OutboxMessage.of(first.topic(), first.key(), payload.toString(), now, traceparent));
                payload.setLength(0);
                first = e;
            }
            if (!payload.isEmpty()) {
                payload.append(OutboxMessage.EVENT_SEPARATOR);
            }
            payload.append(EventJson.toJson(e.event()));
        }
        rows.add(OutboxMessage.of(first.topic(), first.key(), payload.toString(), now, traceparent));
        outbox.insertAll(rows);
        written.fire(new OutboxWritten(events.get(0).topic()));
    }

    /**
     * Locks the oldest unpublished rows (skipping rows another replica holds), sends them in id order, and marks as
     * published only those the broker acknowledged, up to the first failure. The rest stay for the next try.
     */
    @Transactional
    public Relayed relayBatch() {
        List<OutboxMessage> batch = outbox.lockUnpublished(config.batchSize());
        if (batch.isEmpty()) {
            return new Relayed(0, 0);
        }
        // a row may hold several events: one record each, and the row is published once all of its are acknowledged
        List<OutboxProducer.Message> messages = new ArrayList<>(batch.size());
        int[] recordsOf = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage m = batch.get(i);
            List<String> events = m.events();
            events.forEach(event -> messages.add(new OutboxProducer.Message(m.getTopic(), m.getMessageKey(), event,
                    m.getTraceparent())));
            recordsOf[i] = events.size();
        }
        int acknowledged = producer.sendInOrder(messages);
        Instant now = now();
        int rows = rowsAcknowledged(recordsOf, acknowledged);
        List<Long> published = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            published.add(batch.get(i).getId());
        }
        // one statement for the batch; the loaded rows are not written back
        outbox.getEntityManager().clear();
        outbox.markPublished(published, now);
        return new Relayed(batch.size(), published.size());
    }

    /**
     * How many rows, from the first, had every record acknowledged, when rows hold {@code recordsOf[i]} records each and
     * the broker acknowledged the first {@code acknowledged} records sent in row order.
     */
    static int rowsAcknowledged(int[] recordsOf, int acknowledged) {
        int rows = 0;
        int records = 0;
        while (rows < recordsOf.length && records + recordsOf[rows] <= acknowledged) {
            records += recordsOf[rows++];
        }
        return rows;
    }

    /** How many rows wait to be published (in the caller's transaction, if there is one). */
    @Transactional
    public long countUnpublished() {
        return outbox.countUnpublished();
    }

    /** Timestamps at the precision PostgreSQL keeps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
