package io.tally.attribution.ledger;

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
        // two web sessions: the visits are 90 minutes apart (30 minutes apart, the second would continue the first)
        send(visit(who, at.minusSeconds(7200), Channel.EMAIL, null));
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
            // the conversion may be credited before its touches arrive (two topics): then adjustments move the credit
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(consumer, order.eventId(), seen);
                Map<Channel, BigDecimal> net = netByChannel(seen, "linear");
                return net.size() == 2 && net.keySet().containsAll(List.of(Channel.EMAIL, Channel.PAID_SOCIAL));
            });
            send(refund(order, "9.99"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(consumer, order.eventId(), seen);
                return total(seen, "linear").compareTo(new BigDecimal("90.00")) == 0;
            });
        }

        List<Attribution> linear = seen.stream().filter(a -> a.model().equals("linear")).toList();
        assertThat(linear.stream().filter(a -> a.kind() == Attribution.Kind.ORIGINAL)).hasSize(1)
                .allSatisfy(a -> assertThat(a.revenue().amount()).isEqualByComparingTo("99.99"));
        assertThat(linear).allSatisfy(a -> {
            assertThat(a.modelVersion()).isEqualTo("linear@1");
            assertThat(a.credits().stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("credits of %s sum to its revenue", a.eventId()).isEqualByComparingTo(a.revenue().amount());
        });
        Map<Channel, BigDecimal> net = netByChannel(seen, "linear");
        assertThat(net.get(Channel.EMAIL)).isEqualByComparingTo("45.00");
        assertThat(net.get(Channel.PAID_SOCIAL)).isEqualByComparingTo("45.00");
        assertThat(linear.stream().filter(a -> a.kind() == Attribution.Kind.ADJUSTMENT
                && a.revenue().amount().compareTo(new BigDecimal("-9.99")) == 0)).as("the refund's posting").hasSize(1);
        assertThat(seen.stream().map(Attribution::eventId).distinct().count())
                .as("one event per posting, none twice").isEqualTo(seen.size());
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer, String conversion, List<Attribution> seen) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            if (conversion.equals(r.key())) {
                seen.add(EventJson.read(r.value(), Attribution.class));
            }
        });
    }

    private static BigDecimal total(List<Attribution> seen, String model) {
        return seen.stream().filter(a -> a.model().equals(model)).map(a -> a.revenue().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The net credit per channel over every posting of a model (touched channels only, zero positions dropped). */
    private static Map<Channel, BigDecimal> netByChannel(List<Attribution> seen, String model) {
        Map<Channel, BigDecimal> net = new java.util.HashMap<>();
        seen.stream().filter(a -> a.model().equals(model)).flatMap(a -> a.credits().stream())
                .filter(c -> c.channel() != null)
                .forEach(c -> net.merge(c.channel(), c.amount().amount(), BigDecimal::add));
        net.values().removeIf(v -> v.signum() == 0);
        return net;
    }
}
