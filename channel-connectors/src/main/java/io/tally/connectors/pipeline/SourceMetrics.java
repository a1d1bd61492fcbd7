package io.tally.connectors.pipeline;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Per-source counters and timers on the Prometheus endpoint: {@code tally_connectors_events_accepted_total},
 * {@code tally_connectors_events_rejected_total} (by reason), {@code tally_connectors_events_deduplicated_total}, and
 * {@code tally_connectors_publish_seconds} (broker acknowledgement latency), all tagged with {@code source}.
 */
@ApplicationScoped
public class SourceMetrics {

    @Inject
    MeterRegistry registry;

    public void accepted(String source, int count) {
        registry.counter("tally.connectors.events.accepted", "source", source).increment(count);
    }

    public void deduplicated(String source, int count) {
        registry.counter("tally.connectors.events.deduplicated", "source", source).increment(count);
    }

    /** @param reason a short, bounded label (e.g. {@code invalid}, {@code signature}, {@code too_large}) */
    public void rejected(String source, String reason, int count) {
        registry.counter("tally.connectors.events.rejected", "source", source, "reason", reason).increment(count);
    }

    public void publishLatency(String source, Duration latency) {
        Timer.builder("tally.connectors.publish").tag("source", source).publishPercentiles(0.5, 0.99)
                .register(registry).record(latency);
    }
}
