package io.tally.attribution.intake;

import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sendRaw;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/** A record that breaks the contract becomes a dead letter, and the records behind it are still processed. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class RejectsTest {

    /**
     * Records that pass a lenient reader but that PostgreSQL or Java refuse (a NUL, a year past PostgreSQL's range, an
     * amount past a long of minor units, an unpaired surrogate): each is dead-lettered, and the consumer goes on.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "touchpoints|campaignCode|{'eventId':'%s','occurredAt':'2026-11-02T10:00:00Z','channel':'email','interactionType':'click','campaignCode':'x\\u0000y','identifiers':{'anonymousId':'a'}}",
            "touchpoints|identifiers.anonymousId|{'eventId':'%s','occurredAt':'2026-11-02T10:00:00Z','channel':'email','interactionType':'click','identifiers':{'anonymousId':'a\\ud800'}}",
            "conversions|occurredAt|{'eventId':'%s','orderId':'o-p1','occurredAt':'+300000-01-01T00:00:00Z','revenue':{'amount':'5.00','currency':'EUR'},'identifiers':{'anonymousId':'a'}}",
            "conversions|revenue.amount|{'eventId':'%s','orderId':'o-p2','occurredAt':'2026-11-02T10:00:00Z','revenue':{'amount':'100000000000000000000','currency':'EUR'},'identifiers':{'anonymousId':'a'}}",
            "conversions|orderId|{'eventId':'%s','orderId':'o\\u0007','occurredAt':'2026-11-02T10:00:00Z','revenue':{'amount':'5.00','currency':'EUR'},'identifiers':{'anonymousId':'a'}}",
            "conversion-adjustments|occurredAt|{'eventId':'%s','orderId':'o-p3','occurredAt':'-0001-01-01T00:00:00Z','kind':'refund','amount':{'amount':'1.00','currency':'EUR'}}"})
    void aRecordTheDatabaseWouldRefuseIsDeadLetteredAndTheConsumerGoesOn(String topic, String field,
            String template) {
        String marker = "poison-" + UUID.randomUUID();
        String poison = template.replace('\'', '"').formatted(marker);
        sendRaw("tally." + topic, "anonymousId:a", poison.getBytes(StandardCharsets.UTF_8));
        LocalDate day = uniqueDay();
        send(purchase(customer(), day.atTime(12, 0).toInstant(ZoneOffset.UTC), "3.00", "EUR"));

        Reject reject = awaitReject(marker);
        assertThat(reject.source()).isEqualTo("attribution." + topic);
        assertThat(reject.field()).isEqualTo(field);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                report(day.toString(), "linear", "channel").getString("totals[0].revenue")).isEqualTo("3.00"));
    }

    @Test
    void anInvalidConversionIsDeadLetteredAndTheNextOneIsStillCredited() {
        String marker = "bad-" + UUID.randomUUID();
        String bad = """
                {"eventId":"%s","orderId":"o-1","occurredAt":"2026-11-02T10:00:00Z",
                 "revenue":{"amount":"-5.00","currency":"EUR"},"identifiers":{"anonymousId":"a"}}""".formatted(marker);
        sendRaw(Topics.CONVERSIONS, "anonymousId:a", bad.getBytes(StandardCharsets.UTF_8));
        LocalDate day = uniqueDay();
        send(purchase(customer(), day.atTime(12, 0).toInstant(ZoneOffset.UTC), "7.00", "EUR"));

        Reject reject = awaitReject(marker);
        assertThat(reject.source()).isEqualTo("attribution.conversions");
        assertThat(reject.field()).isEqualTo("revenue.amount");
        assertThat(reject.reason()).isEqualTo("must not be negative");
        // the contract's one id scheme (Reject.idOf), the same the connectors name their dead letters by
        assertThat(reject.eventId()).isEqualTo(Reject.idOf("attribution.conversions", bad)).startsWith("reject:");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                report(day.toString(), "linear", "channel").getString("totals[0].revenue")).isEqualTo("7.00"));
    }

    /** The dead letter whose raw payload holds {@code marker}, once it is on the topic. */
    static Reject awaitReject(String marker) {
        List<Reject> rejects = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "rejects-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.REJECTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> rejects.add(
                        EventJson.read(r.value().getBytes(StandardCharsets.UTF_8), Reject.class)));
                return rejects.stream().anyMatch(r -> r.rawPayload().contains(marker));
            });
        }
        return rejects.stream().filter(r -> r.rawPayload().contains(marker)).findFirst().orElseThrow();
    }
}
