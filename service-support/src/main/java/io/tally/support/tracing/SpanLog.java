package io.tally.support.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Writes every finished span to the service's log (logger {@code io.opentelemetry.exporter.logging}, one line per span:
 * name, trace id, span id, kind, attributes), for tracing on one machine without a collector: {@code ./tally up --trace}.
 * Only when {@code tally.tracing.log-spans=true} (environment {@code TALLY_TRACING_LOG_SPANS}) and the SDK is on
 * ({@code QUARKUS_OTEL_SDK_DISABLED=false}); it then replaces the OTLP exporter, which Quarkus builds only while no
 * other span exporter can be looked up.
 */
@Singleton
@LookupIfProperty(name = "tally.tracing.log-spans", stringValue = "true")
public class SpanLog implements SpanExporter {

    private final LoggingSpanExporter log = LoggingSpanExporter.create();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return log.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return log.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return log.shutdown();
    }
}
