package io.tally.gateway.tracing;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tally.events.kafka.TraceHeaders;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStubs;

/**
 * What {@code ./tally up --trace} switches on (the profile {@code tracing} and {@code tally.tracing.log-spans}): every
 * span is written to the service's log, with its trace id.
 */
@QuarkusTest
@TestProfile(SpanLogTest.LogSpans.class)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SpanLogTest {

    /** Tracing on, spans to the log. */
    public static class LogSpans extends TracingProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("tally.tracing.log-spans", "true");
            return config;
        }
    }

    private static final Logger SPAN_LOG = Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter");

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()) + " " + List.of(
                    record.getParameters() == null ? new Object[0] : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        GatewayFixtures.resetStubs();
        SPAN_LOG.addHandler(capture);
    }

    @AfterEach
    void stop() {
        SPAN_LOG.removeHandler(capture);
    }

    @Test
    void everySpanOfARequestIsWrittenToTheLogWithItsTraceId() {
        String traceId = UUID.randomUUID().toString().replace("-", "");

        given().header(TraceHeaders.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/programmes").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logged).anySatisfy(line -> assertThat(line).contains(traceId)));
    }
}
