package io.tally.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

class TraceHeadersTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private static Context withSpan(String traceId, String spanId) {
        SpanContext span = SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
        return Context.root().with(Span.wrap(span));
    }

    @Test
    void theCurrentSpanIsWrittenAsAW3CTraceparent() {
        assertThat(TraceHeaders.traceparent(withSpan(TRACE_ID, SPAN_ID)))
                .contains("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
    }

    @Test
    void withoutASpanThereIsNoTraceparentAndNoHeader() {
        RecordHeaders headers = new RecordHeaders();

        TraceHeaders.inject(Context.root(), headers);

        assertThat(TraceHeaders.traceparent(Context.root())).isEmpty();
        assertThat(headers.toArray()).isEmpty();
        assertThat(TraceHeaders.spanContext(headers).isValid()).isFalse();
    }

    @Test
    void anInjectedContextIsExtractedFromTheRecordHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceHeaders.TRACEPARENT, "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01"
                .getBytes(StandardCharsets.UTF_8));

        TraceHeaders.inject(withSpan(TRACE_ID, SPAN_ID), headers);

        // the stale header is replaced, not repeated
        assertThat(headers.headers(TraceHeaders.TRACEPARENT)).hasSize(1);
        SpanContext extracted = TraceHeaders.spanContext(headers);
        assertThat(extracted.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(extracted.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(extracted.isRemote()).isTrue();
    }

    @Test
    void aStoredTraceparentIsPutAsTheHeaderAndReadBack() {
        String stored = TraceHeaders.traceparent(withSpan(TRACE_ID, SPAN_ID)).orElseThrow();
        RecordHeaders headers = new RecordHeaders();

        TraceHeaders.put(headers, stored);
        TraceHeaders.put(headers, null);

        assertThat(new String(headers.lastHeader(TraceHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8))
                .isEqualTo(stored).hasSize(TraceHeaders.TRACEPARENT_LENGTH);
        assertThat(TraceHeaders.spanContext(stored).getTraceId()).isEqualTo(TRACE_ID);
    }

    @Test
    void aMalformedTraceparentNamesNoSpan() {
        RecordHeaders headers = new RecordHeaders();
        TraceHeaders.put(headers, "00-not-a-trace-01");

        assertThat(TraceHeaders.spanContext(headers).isValid()).isFalse();
        assertThat(TraceHeaders.spanContext("00-" + TRACE_ID + "-0000000000000000-01").isValid()).isFalse();
        assertThat(TraceHeaders.spanContext((String) null).isValid()).isFalse();
    }
}
