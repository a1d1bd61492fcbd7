package io.tally.attribution.messaging;

import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.refund;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.Attribution;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/** Every posting reaches tally.attributions as an Attribution event, through the outbox. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class AttributionPublishingTest {

    @Test
    void originalsAndAdjustmentsArePublishedWithCreditsThatSumToTheirRevenue() {
        Identifiers who = customer();
        Instant at = Instant.parse("2031-09-09T10:00:00Z");
        send(visit(who, at.minusSeconds(3600), Channel.EMAIL, null));
        send(visit(who, at.minusSeconds(1800), Channel.PAID_SOCIAL, null));
        Conversion order = purchase(who, at, "99.99", "EUR");
        send(order);

        List<Attribution> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "attributions-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ATTRIBUTIONS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (order.eventId().equals(r.key())) {
                        seen.add(EventJson.read(r.value(), Attribution.class));
                    }
                });
                return seen.stream().anyMatch(a -> a.model().equals("linear")
                        && a.kind() == Attribution.Kind.ORIGINAL && a.credits().size() == 2);
            });
            send(refund(order, "9.99"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (order.eventId().equals(r.key())) {
                        seen.add(EventJson.read(r.value(), Attribution.class));
                    }
                });
                return seen.stream().anyMatch(a -> a.model().equals("linear")
                        && a.kind() == Attribution.Kind.ADJUSTMENT);
            });
        }

        Attribution linear = seen.stream().filter(a -> a.model().equals("linear")
                && a.kind() == Attribution.Kind.ORIGINAL && a.credits().size() == 2).findFirst().orElseThrow();
        assertThat(linear.revenue().amount()).isEqualByComparingTo("99.99");
        assertThat(linear.modelVersion()).isEqualTo("linear@1");
        assertThat(linear.credits().stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("99.99");
        assertThat(linear.credits().stream().map(Attribution.Credit::conversions).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("1");
        assertThat(linear.credits()).extracting(Attribution.Credit::channel)
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.PAID_SOCIAL);

        Attribution refunded = seen.stream().filter(a -> a.model().equals("linear")
                && a.kind() == Attribution.Kind.ADJUSTMENT).findFirst().orElseThrow();
        assertThat(refunded.revenue().amount()).isEqualByComparingTo("-9.99");
        assertThat(refunded.credits().stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("-9.99");
        assertThat(seen.stream().map(Attribution::eventId).distinct().count())
                .as("one event per posting, none twice").isEqualTo(seen.size());
    }
}
