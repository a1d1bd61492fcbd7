package io.tally.connectors.tracing;

import static io.tally.connectors.CollectFixtures.LANDING;
import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Topics;
import io.tally.events.kafka.TraceHeaders;

/**
 * With tracing on, the collector's request is a span of the service, and the touchpoint it publishes carries a
 * {@code traceparent} naming that span in the trace the test's own {@code traceparent} started.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(DevstackResource.class)
class TracePropagationTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aCollectedEventCarriesTheTraceOfTheRequestThatPublishedIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String marker = uniqueId("traced");

        try (TopicProbe touchpoints = TopicProbe.of(Topics.TOUCHPOINTS)) {
            given().header(TraceHeaders.TRACEPARENT, "00-" + traceId + "-" + callerSpanId + "-01")
                    .contentType(ContentType.JSON).body(pageView(marker, LANDING + "?utm_campaign=" + marker))
                    .when().post("/api/v1/collect").then().statusCode(202);

            ConsumerRecord<String, byte[]> record = touchpoints.awaitMentioning(marker, 1).get(0);
            SpanContext carried = TraceHeaders.spanContext(record.headers());
            assertThat(carried.getTraceId()).isEqualTo(traceId);
            assertThat(carried.getSpanId()).as("the service's span, not the caller's").isNotEqualTo(callerSpanId);
            List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(traceId),
                    found -> found.stream().anyMatch(s -> s.getSpanId().equals(carried.getSpanId())));
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(span.getParentSpanId()).isEqualTo(callerSpanId);
            });
        }
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }
}
