package io.tally.gateway.tracing;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Tracing on, as the profile {@code tracing} switches it on in production (it is off by default), finished spans kept
 * in memory: {@link Spans#exporter()} is the only span exporter, so nothing is sent anywhere. Spans are handed over
 * every 50 ms.
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test,tracing";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.bsp.schedule.delay", "50ms",
                "quarkus.otel.bsp.export.timeout", "1s");
    }

    /** The in-memory exporter, a bean Quarkus' OpenTelemetry picks up. */
    @Singleton
    public static class Spans {

        private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return exporter;
        }
    }
}
