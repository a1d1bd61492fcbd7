package io.tally.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tally.events.kafka.TraceHeaders;

/**
 * An outbox row: an event to publish, or several of one topic and key ({@link Outbox#appendAll}), written in the
 * transaction of the change they describe. The payload is each event's {@code EventJson} text, one per line (JSON
 * Lines: the compact JSON of an event never holds a line break, which JSON escapes inside strings).
 * <p>
 * The table lives in the schema of the service that uses the outbox (its default Hibernate schema), and the service's
 * own Flyway migration creates it; this library never creates or migrates tables. Its one definition is
 * {@value OutboxSchema#REFERENCE} ({@link OutboxSchema}).
 * <p>
 * The relay sends rows in {@code id} order, so {@code id} must grow with the insert order (an identity column does).
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "topic", nullable = false, length = 249)
    private String topic;

    @Column(name = "message_key", nullable = false, length = 255)
    private String messageKey;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "traceparent", length = TraceHeaders.TRACEPARENT_LENGTH)
    private String traceparent;

    protected OutboxMessage() {
    }

    /** A new, unpublished row without a trace context; {@code payload} is the event's JSON. */
    public static OutboxMessage of(String topic, String key, String payload, Instant now) {
        return of(topic, key, payload, now, null);
    }

    /**
     * A new, unpublished row; {@code payload} is the event's JSON, {@code traceparent} the W3C trace context of the
     * transaction that writes it (null without tracing), which the relay sends as the record's header.
     */
    public static OutboxMessage of(String topic, String key, String payload, Instant now, String traceparent) {
        OutboxMessage m = new OutboxMessage();
        m.topic = topic;
        m.messageKey = key;
        m.payload = payload;
        m.createdAt = now;
        m.traceparent = traceparent != null && traceparent.length() <= TraceHeaders.TRACEPARENT_LENGTH
                ? traceparent
                : null;
        return m;
    }

    /** Records that the broker acknowledged this row. */
    public void markPublished(Instant now) {
        publishedAt = now;
    }

    /** Separates the events of a row that holds several. */
    static final char EVENT_SEPARATOR = '\n';

    /** The row's events, each an {@code EventJson} text, in the order they were appended. */
    public List<String> events() {
        return payload.indexOf(EVENT_SEPARATOR) < 0
                ? List.of(payload)
                : List.of(payload.split(String.valueOf(EVENT_SEPARATOR)));
    }

    public Long getId() {
        return id;
    }

    public String getTopic() {
        return topic;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    /** The W3C trace context of the transaction that wrote the row, or null. */
    public String getTraceparent() {
        return traceparent;
    }
}
