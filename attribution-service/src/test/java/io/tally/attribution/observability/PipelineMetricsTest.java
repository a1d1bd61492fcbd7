package io.tally.attribution.observability;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.Topics;
import io.tally.support.metrics.MetricNames;

/**
 * The pipeline's counters and latency histogram on {@code /q/metrics} move by exactly what is recorded, and every metric
 * the dashboards read from attribution-service is on its endpoint.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class PipelineMetricsTest {

    @Inject
    PipelineMetrics metrics;

    @Test
    void creditsAndLedgerRowsAreCounted() {
        double conversions = metric(MetricNames.CREDITED_CONVERSIONS);
        double rows = metric(MetricNames.LEDGER_ROWS);

        metrics.credited(3, 36);
        metrics.credited(0, 0);

        assertThat(metric(MetricNames.CREDITED_CONVERSIONS)).isEqualTo(conversions + 3);
        assertThat(metric(MetricNames.LEDGER_ROWS)).isEqualTo(rows + 36);
    }

    @Test
    void aConversionConsumedAndCreditedMovesTheCountersAndTheLatency() {
        double conversions = metric(MetricNames.CREDITED_CONVERSIONS);
        double rows = metric(MetricNames.LEDGER_ROWS);
        String count = "tally_attribution_credit_latency_seconds_count";
        double latencies = metric(count);
        io.tally.events.Identifiers who = io.tally.attribution.AttributionFixtures.customer();
        io.tally.attribution.AttributionFixtures.send(io.tally.attribution.AttributionFixtures.visit(who,
                java.time.Instant.parse("2026-03-02T09:00:00Z"), io.tally.events.Channel.EMAIL, null));
        io.tally.attribution.AttributionFixtures.send(io.tally.attribution.AttributionFixtures.purchase(who,
                java.time.Instant.parse("2026-03-02T10:00:00Z"), "12.00", "EUR"));

        // at least this conversion, under each of the nine rule-based models the tests credit with
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(metric(MetricNames.CREDITED_CONVERSIONS)).isGreaterThanOrEqualTo(conversions + 1);
            assertThat(metric(MetricNames.LEDGER_ROWS)).isGreaterThanOrEqualTo(rows + 9);
            assertThat(metric(count)).isGreaterThanOrEqualTo(latencies + 1);
        });
    }

    @Test
    void latencyIsAHistogramThatPrometheusTakesQuantilesFrom() {
        String count = "tally_attribution_credit_latency_seconds_count";
        String underTwoSeconds = bucketAt(2.0);
        double before = metric(count);
        double fastBefore = metric(underTwoSeconds);

        metrics.creditLatency(Duration.ofMillis(1500));
        metrics.creditLatency(Duration.ofMinutes(3));
        metrics.creditLatency(Duration.ofMillis(-20));

        assertThat(metric(count)).isEqualTo(before + 3);
        // 1.5 s and the negative (counted as zero) fall at or under a 2 s bucket edge; three minutes does not
        assertThat(metric(underTwoSeconds)).isEqualTo(fastBefore + 2);
    }

    @Test
    void everyMetricItsDashboardsReadIsExposed() throws Exception {
        // a dead letter makes the reject counter exist; the consumers' lag appears once they fetched their partitions
        send(Topics.TOUCHPOINTS, "metrics-" + UUID.randomUUID(), "not json");
        given().get("/api/v1/attribution/models").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String name : MetricNames.exposedBy(MetricNames.ATTRIBUTION)) {
                assertThat(body).as("/q/metrics names %s", name).containsPattern("(?m)^" + name + "[{ ]");
            }
            assertThat(body).contains(MetricNames.OUTBOX_BACKLOG + "{service=\"attribution-service\"}");
        });
    }

    /** The smallest histogram bucket edge at or above {@code seconds}, as its series name. */
    private static String bucketAt(double seconds) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher edges = Pattern.compile("^tally_attribution_credit_latency_seconds_bucket\\{le=\"([0-9.eE+-]+)\"}",
                Pattern.MULTILINE).matcher(body);
        double best = Double.MAX_VALUE;
        String edge = null;
        while (edges.find()) {
            double le = Double.parseDouble(edges.group(1));
            if (le >= seconds && le < best) {
                best = le;
                edge = edges.group(1);
            }
        }
        assertThat(edge).as("a bucket edge at or above %s s", seconds).isNotNull().satisfies(
                e -> assertThat(Double.parseDouble(e)).isLessThan(180));
        return "tally_attribution_credit_latency_seconds_bucket{le=\"" + edge + "\"}";
    }

    private static double metric(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)( #.*)?$", Pattern.MULTILINE)
                .matcher(body);
        assertThat(m.find()).as("%s on /q/metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void send(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }
}
