package io.tally.gateway.tracing;

import static io.tally.devstack.Authorized.given;
import static io.tally.gateway.GatewayFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tally.events.kafka.TraceHeaders;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStub.Received;
import io.tally.gateway.UpstreamStubs;

/**
 * With tracing on, a call through the gateway is a span of the gateway, and the upstream service receives a
 * {@code traceparent} naming the gateway's own span in the same trace (the proxy's HTTP client injects it), so the
 * service's span is its child; a caller's trace is continued, not replaced.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TracePropagationTest {

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        GatewayFixtures.resetStubs();
        spans.reset();
    }

    @Test
    void theUpstreamContinuesTheCallersTraceUnderTheGatewaysSpan() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        given().header(TraceHeaders.TRACEPARENT, "00-" + traceId + "-" + callerSpanId + "-01")
                .get("/api/v1/programmes").then().statusCode(200);

        Received received = campaign().received().get(0);
        SpanContext forwarded = TraceHeaders.spanContext(received.header(TraceHeaders.TRACEPARENT));
        assertThat(forwarded.getTraceId()).isEqualTo(traceId);
        assertThat(forwarded.getSpanId()).as("the gateway's span, not the caller's header passed on")
                .isNotEqualTo(callerSpanId);
        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(traceId),
                found -> found.stream().anyMatch(s -> s.getSpanId().equals(forwarded.getSpanId())));
        // the gateway's server span is the caller's child; the span the upstream names belongs to the same trace
        assertThat(trace).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(span.getParentSpanId()).isEqualTo(callerSpanId);
        });
    }

    @Test
    void aCallWithoutATraceStartsOneThatTheUpstreamContinues() {
        given().get("/api/v1/programmes").then().statusCode(200);

        SpanContext forwarded = TraceHeaders
                .spanContext(campaign().received().get(0).header(TraceHeaders.TRACEPARENT));
        assertThat(forwarded.isValid()).isTrue();
        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(forwarded.getTraceId()),
                found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.SERVER).singleElement()
                .satisfies(server -> assertThat(server.getParentSpanContext().isValid()).isFalse());
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }
}
