package io.tally.attribution.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tally.events.kafka.TraceHeaders;

/** A batch's span is linked to the trace of each record, and what runs inside it carries the batch's trace. */
class BatchTracesTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    private static String traceparent() {
        String id = UUID.randomUUID().toString().replace("-", "");
        return "00-" + id + "-" + id.substring(0, 16) + "-01";
    }

    private static ConsumerRecord<String, byte[]> record(String traceparent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("tally.conversions", 0, 0, "k", new byte[0]);
        if (traceparent != null) {
            record.headers().add(TraceHeaders.TRACEPARENT, traceparent.getBytes());
        }
        return record;
    }

    @Test
    void theBatchSpanIsARootLinkedToEveryRecordsTraceOnce() {
        String first = traceparent();
        String second = traceparent();
        List<ConsumerRecord<String, byte[]>> batch = List.of(record(first), record(null), record(second),
                record(first), record("00-garbage-01"));

        Span span = new BatchTraces(tracer).start("tally.conversions credit", batch);
        span.end();

        SpanData data = exported.getFinishedSpanItems().get(0);
        assertThat(data.getName()).isEqualTo("tally.conversions credit");
        assertThat(data.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(data.getParentSpanContext().isValid()).as("a batch has no one parent").isFalse();
        assertThat(data.getLinks()).extracting(LinkData::getSpanContext)
                .containsExactly(TraceHeaders.spanContext(first), TraceHeaders.spanContext(second));
        assertThat(data.getAttributes().asMap().values()).contains(5L);
    }

    @Test
    void whatRunsInsideTheBatchSpanCarriesItsTrace() {
        Span span = new BatchTraces(tracer).start("batch", List.of(record(traceparent())));
        String inside;
        try (Scope ignored = span.makeCurrent()) {
            // what the outbox stores for the rows the batch appends
            inside = TraceHeaders.traceparent(Context.current()).orElseThrow();
        } finally {
            span.end();
        }

        SpanContext batch = exported.getFinishedSpanItems().get(0).getSpanContext();
        assertThat(TraceHeaders.spanContext(inside).getTraceId()).isEqualTo(batch.getTraceId());
        assertThat(TraceHeaders.spanContext(inside).getSpanId()).isEqualTo(batch.getSpanId());
    }

    @Test
    void linksStopAtTheLimit() {
        List<Headers> headers = new ArrayList<>();
        for (int i = 0; i < BatchTraces.MAX_LINKS + 50; i++) {
            RecordHeaders h = new RecordHeaders();
            TraceHeaders.put(h, traceparent());
            headers.add(h);
        }

        assertThat(BatchTraces.links(headers)).hasSize(BatchTraces.MAX_LINKS)
                .first().isEqualTo(TraceHeaders.spanContext(headers.get(0)));
    }
}
