package io.tally.events.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context a Kafka record carries in its {@value #TRACEPARENT} (and {@code tracestate}) header, as
 * SmallRye's Kafka connector writes and reads it: for the producers that are not SmallRye channels (the outbox relay,
 * the collector's publisher) and for consumers that link a batch's records to one span. Without tracing (the SDK off)
 * there is no current span, so nothing is written, and a record without the header has no context.
 */
public final class TraceHeaders {

    /** The W3C Trace Context header: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
    public static final String TRACEPARENT = "traceparent";

    /** The longest traceparent of version {@code 00} (55 characters), the width of the outbox's column. */
    public static final int TRACEPARENT_LENGTH = 55;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null
                    ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceHeaders() {
    }

    /** The traceparent of the span current in {@code context}, or empty when it has none (tracing is off). */
    public static Optional<String> traceparent(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** Sets the record's {@value #TRACEPARENT} header to {@code traceparent}; nothing when it is null or blank. */
    public static void put(Headers headers, String traceparent) {
        if (traceparent != null && !traceparent.isBlank()) {
            headers.remove(TRACEPARENT);
            headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes the trace of the span current in {@code context} into the headers (traceparent, tracestate). */
    public static void inject(Context context, Headers headers) {
        W3C.inject(context, headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * The context a record's headers carry: {@code parent} with the remote span of its traceparent, or {@code parent}
     * unchanged when the record has none or a malformed one.
     */
    public static Context extract(Context parent, Headers headers) {
        return W3C.extract(parent, headers, HEADERS);
    }

    /** The remote span context a traceparent names; invalid ({@link SpanContext#isValid()} false) when malformed. */
    public static SpanContext spanContext(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        return Span.fromContext(W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP))
                .getSpanContext();
    }

    /** The remote span context of a record's headers; invalid when it carries none or a malformed one. */
    public static SpanContext spanContext(Headers headers) {
        return Span.fromContext(extract(Context.root(), headers)).getSpanContext();
    }
}
