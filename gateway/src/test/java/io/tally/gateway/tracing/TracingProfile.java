package io.tally.gateway.tracing;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Tracing on (the SDK is off by default), finished spans kept in memory: {@link Spans#exporter()} is the only span
 * exporter, so nothing is sent anywhere. Spans are handed over every 50 ms.
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms",
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
