package io.tally.outbox;

import static io.tally.outbox.OutboxFixtures.TOPIC;
import static io.tally.outbox.OutboxFixtures.createTopic;
import static io.tally.outbox.OutboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.kafka.TraceHeaders;
import io.tally.outbox.OutboxFixtures.Ping;

/**
 * A row keeps the trace context of the transaction that appended it, and its record carries it as the
 * {@code traceparent} header; a row appended without one is sent without the header. (This bare application has no
 * OpenTelemetry SDK: the test makes the span context current itself, as a service's request or consumer span would be.)
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OutboxTraceContextTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void topic() {
        createTopic(Devstack.shared().kafka().bootstrapServers());
    }

    @Test
    void aPublishedRecordCarriesTheTraceOfTheTransactionThatAppendedIt() {
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        String spanId = traceId.substring(0, 16);
        String traced = unique("traced");
        String untraced = unique("untraced");
        SpanContext appending = SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());

        try (Scope ignored = Context.root().with(Span.wrap(appending)).makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, traced, new Ping(traced, 0)));
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, untraced, new Ping(untraced, 0)));

        assertThat(storedTraceparent(traced)).isEqualTo("00-" + traceId + "-" + spanId + "-01");
        assertThat(storedTraceparent(untraced)).isNull();
        try (KafkaConsumer<String, String> consumer = OutboxFixtures.consumer(
                Devstack.shared().kafka().bootstrapServers())) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().filter(r -> r.key().equals(traced) || r.key().equals(untraced)).count() >= 2;
            });
            ConsumerRecord<String, String> tracedRecord = seen.stream().filter(r -> r.key().equals(traced))
                    .findFirst().orElseThrow();
            SpanContext carried = TraceHeaders.spanContext(tracedRecord.headers());
            assertThat(carried.getTraceId()).isEqualTo(traceId);
            assertThat(carried.getSpanId()).isEqualTo(spanId);
            Header none = seen.stream().filter(r -> r.key().equals(untraced)).findFirst().orElseThrow().headers()
                    .lastHeader(TraceHeaders.TRACEPARENT);
            assertThat(none).as("a row appended without a trace").isNull();
            assertThat(new String(tracedRecord.headers().lastHeader(TraceHeaders.TRACEPARENT).value(),
                    StandardCharsets.UTF_8)).isEqualTo(storedTraceparent(traced));
        }
    }

    private String storedTraceparent(String key) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select traceparent from outbox_test.outbox where message_key = :key")
                .setParameter("key", key)
                .getSingleResult());
    }
}
