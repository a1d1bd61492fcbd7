package io.tally.campaign.messaging;

import static io.tally.campaign.CampaignFixtures.CAMPAIGNS_OF;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.campaignsConsumer;
import static io.tally.campaign.CampaignFixtures.consumerOf;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.pollFor;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tally.campaign.TracingProfile;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.Topics;
import io.tally.events.kafka.TraceHeaders;

/**
 * With tracing on, a trace runs from the HTTP request (or the consumed record) through the outbox into the record
 * published: the record's {@code traceparent} is the span of the transaction that appended its outbox row. The tests
 * start the traces themselves (a {@code traceparent} of their own on the request or record), so the ids they check are
 * ones they sent.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(DevstackResource.class)
class TraceContextTest {

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        spans.reset();
    }

    @Test
    void theCampaignChangedOfARequestCarriesTheRequestsTrace() {
        String programmeId = createProgramme(unique("Traced programme"));
        String traceId = newTraceId();
        String callerSpanId = newSpanId();

        String campaignId = given().header(TraceHeaders.TRACEPARENT, "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON).body(campaign(unique("Traced"), "paid_social", List.of()))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, byte[]> record;
        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, campaignId, seen), r -> !r.isEmpty()).get(0);
        }
        SpanContext carried = TraceHeaders.spanContext(record.headers());
        assertThat(carried.getTraceId()).isEqualTo(traceId);
        // the span the record names is the service's request span (the caller's child), which it exported
        SpanData appending = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(carried.getSpanId()), found -> found != null);
        assertThat(appending.getTraceId()).isEqualTo(traceId);
        assertThat(spansOf(traceId)).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(span.getParentSpanId()).isEqualTo(callerSpanId);
        });
    }

    @Test
    void aDeadLetterOfAConsumedRecordCarriesTheRecordsTrace() throws Exception {
        String traceId = newTraceId();
        String producerSpanId = newSpanId();
        String marker = "trace-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> bad = new ProducerRecord<>(Topics.COSTS, marker,
                ("{\"eventId\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
        TraceHeaders.put(bad.headers(), "00-" + traceId + "-" + producerSpanId + "-01");
        send(bad);

        ConsumerRecord<String, byte[]> reject;
        try (KafkaConsumer<String, byte[]> consumer = consumerOf(Devstack.shared().kafka(), Topics.REJECTS)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            reject = await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(marker)) {
                        seen.add(r);
                    }
                });
                return seen;
            }, r -> !r.isEmpty()).get(0);
        }
        SpanContext carried = TraceHeaders.spanContext(reject.headers());
        assertThat(carried.getTraceId()).isEqualTo(traceId);
        // the consumer's span continued the record's trace: the producer's span is its parent
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spansOf(traceId)).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getParentSpanId()).isEqualTo(producerSpanId);
        }));
    }

    private SpanData span(String spanId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(spanId)).findFirst()
                .orElse(null);
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static void send(ProducerRecord<String, byte[]> record) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        }
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String newSpanId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
