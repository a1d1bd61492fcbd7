package io.tally.connectors.email.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.tally.connectors.pipeline.SourceMetrics;
import io.tally.support.problem.ProblemException;

/**
 * The email sources' metrics: {@code tally_connectors_events_ignored_total} (provider events that are not touches, by
 * {@code source} and {@code event}), and refused requests through the shared {@link SourceMetrics} (reasons
 * {@code signature}, {@code stale}, {@code replay}).
 */
@ApplicationScoped
public class EmailMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    SourceMetrics sourceMetrics;

    /** @param event a bounded label: a known provider event type, {@code machine_open} or {@code other} */
    public void ignored(String source, String event, int count) {
        registry.counter("tally.connectors.events.ignored", "source", source, "event", event).increment(count);
    }

    /** Counts a request with a missing or wrong signature and returns its 401. */
    public ProblemException badSignature(String source, String detail) {
        sourceMetrics.rejected(source, "signature", 1);
        return ProblemException.unauthorized(detail);
    }

    /** Counts a correctly signed request whose timestamp lies outside the tolerance and returns its 401. */
    public ProblemException stale(String source, String detail) {
        sourceMetrics.rejected(source, "stale", 1);
        return ProblemException.unauthorized(detail);
    }

    /** Counts a correctly signed request whose one-time token was used before and returns its 401. */
    public ProblemException replayed(String source, String detail) {
        sourceMetrics.rejected(source, "replay", 1);
        return ProblemException.unauthorized(detail);
    }
}
