package io.tally.attribution.intake;

import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.KafkaBroker;
import io.tally.devstack.SaslKafkaResource;
import io.tally.events.Attribution;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

/**
 * attribution-service on a broker that accepts only SASL clients (SCRAM-SHA-512), as Strimzi's listener in Kubernetes:
 * its SmallRye consumers read the touch and the order, and its outbox publishes the credit on tally.attributions.
 */
@QuarkusTest
@WithTestResource(SaslKafkaResource.class)
class SaslBrokerAttributionTest {

    private final KafkaBroker broker = SaslKafkaResource.broker();

    @Test
    void aTouchAndAnOrderOnTheSaslBrokerAreCreditedAndPublishedThere() throws Exception {
        Identifiers who = customer();
        Instant at = Instant.parse("2031-10-10T10:00:00Z");
        Touchpoint touch = visit(who, at.minusSeconds(1800), Channel.EMAIL, null);
        Conversion order = purchase(who, at, "50.00", "EUR");
        Map<String, Object> producerConfig = broker.clientConfig();
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TOUCHPOINTS, who.partitionKey(), EventJson.toBytes(touch)))
                    .get();
            producer.send(new ProducerRecord<>(Topics.CONVERSIONS, who.partitionKey(), EventJson.toBytes(order)))
                    .get();
        }

        Map<String, Object> consumerConfig = broker.clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-attributions-test-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Attribution> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ATTRIBUTIONS));
            // the order may be credited before its touch arrives (two topics): then an adjustment moves the credit
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (order.eventId().equals(r.key())) {
                        seen.add(EventJson.read(r.value(), Attribution.class));
                    }
                });
                Map<Channel, BigDecimal> net = linearNetByChannel(seen);
                return net.keySet().equals(Set.of(Channel.EMAIL))
                        && net.get(Channel.EMAIL).compareTo(new BigDecimal("50.00")) == 0;
            });
        }
        assertThat(seen).filteredOn(a -> a.model().equals("linear") && a.kind() == Attribution.Kind.ORIGINAL)
                .singleElement().satisfies(a -> assertThat(a.revenue().amount()).isEqualByComparingTo("50.00"));
    }

    /** The net linear credit per touched channel over every posting, zero positions dropped. */
    private static Map<Channel, BigDecimal> linearNetByChannel(List<Attribution> seen) {
        Map<Channel, BigDecimal> net = new HashMap<>();
        seen.stream().filter(a -> a.model().equals("linear")).flatMap(a -> a.credits().stream())
                .filter(c -> c.channel() != null)
                .forEach(c -> net.merge(c.channel(), c.amount().amount(), BigDecimal::add));
        net.values().removeIf(v -> v.signum() == 0);
        return net;
    }
}
