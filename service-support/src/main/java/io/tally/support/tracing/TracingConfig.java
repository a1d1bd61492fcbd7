package io.tally.support.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The {@code tally.tracing.*} configuration. Tracing itself is Quarkus' OpenTelemetry ({@code quarkus.otel.*}): off by
 * default ({@code quarkus.otel.sdk.disabled=true} in the shared defaults), OTLP when switched on with an endpoint.
 */
@ConfigMapping(prefix = "tally.tracing")
public interface TracingConfig {

    /**
     * {@code tally.tracing.log-spans} (environment {@code TALLY_TRACING_LOG_SPANS}): write every span to the service's
     * log ({@link SpanLog}) instead of sending it over OTLP; takes effect only with the SDK on (default {@code false}).
     */
    @WithDefault("false")
    boolean logSpans();
}
