package io.tally.attribution.observability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.tally.events.kafka.TraceHeaders;

/**
 * One span for a batch of consumed records, linked to the trace each record carries (its {@code traceparent} header):
 * a batch mixes many traces, so none is its parent; each record's trace leads to the batch through a link. Use it around
 * the batch's crediting, with the span current, so the ledger write and the outbox rows it appends (whose records then
 * carry the batch span's trace) belong to it:
 *
 * <pre>
 * Span span = batchTraces.start("tally.conversions credit", records);
 * try (Scope scope = span.makeCurrent()) {
 *     // credit the batch, in its transaction
 * } catch (RuntimeException e) {
 *     span.recordException(e);
 *     throw e;
 * } finally {
 *     span.end();
 * }
 * </pre>
 *
 * With tracing off the span records nothing and costs next to nothing.
 */
@ApplicationScoped
public class BatchTraces {

    /** The most links one span keeps (OpenTelemetry's default limit): records beyond it are not linked. */
    public static final int MAX_LINKS = 128;

    private final Tracer tracer;

    @Inject
    public BatchTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts (does not make current) a consumer span named {@code name}, linked to every record's trace. */
    public Span start(String name, Iterable<? extends ConsumerRecord<?, ?>> records) {
        List<Headers> headers = new ArrayList<>();
        records.forEach(record -> headers.add(record.headers()));
        return startLinked(tracer, name, headers);
    }

    /**
     * Starts a consumer span named {@code name} with {@code tracer}, a root span (a batch has no one parent) linked to
     * the trace of each of {@code headers}.
     */
    public static Span startLinked(Tracer tracer, String name, Iterable<Headers> headers) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(SpanKind.CONSUMER).setParent(Context.root());
        List<SpanContext> links = links(headers);
        links.forEach(builder::addLink);
        return builder.setAttribute("messaging.batch.message_count", countOf(headers)).startSpan();
    }

    /**
     * The distinct span contexts the records' headers carry, in record order, at most {@link #MAX_LINKS}; records
     * without a trace (or with a malformed {@code traceparent}) have none.
     */
    public static List<SpanContext> links(Iterable<Headers> headers) {
        Set<SpanContext> distinct = new LinkedHashSet<>();
        for (Headers recordHeaders : headers) {
            SpanContext context = TraceHeaders.spanContext(recordHeaders);
            if (context.isValid()) {
                distinct.add(context);
                if (distinct.size() == MAX_LINKS) {
                    break;
                }
            }
        }
        return List.copyOf(distinct);
    }

    private static long countOf(Iterable<Headers> headers) {
        long count = 0;
        for (Headers ignored : headers) {
            count++;
        }
        return count;
    }
}
