package io.tally.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tally.events.Event;
import io.tally.events.validation.Violations;

/** A test event, a test topic, unique keys, a raw consumer and the outbox rows of a key, for the tests. */
public final class OutboxFixtures {

    /** A topic of the tests only (the broker does not create topics on first use). */
    public static final String TOPIC = "tally-test.outbox";

    /** The smallest event: the library publishes any {@link Event}. */
    public record Ping(String eventId, int sequence) implements Event {

        @Override
        public void validate(Violations violations) {
            // nothing to check
        }
    }

    private OutboxFixtures() {
    }

    /** A key no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates {@link #TOPIC} on the broker unless it exists. */
    public static void createTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        }
    }

    /** A consumer of every partition of {@link #TOPIC}, from the beginning, without a consumer group. */
    public static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Polls once and returns the values of the records with the given key so far (the caller retries). */
    public static List<String> pollFor(KafkaConsumer<String, String> consumer, String key, List<String> seen) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (key.equals(record.key())) {
                seen.add(record.value());
            }
        }
        return new ArrayList<>(seen);
    }

    /** The {@code published_at} of every outbox row keyed by {@code key}, in id order (null while unpublished). */
    public static List<?> publishedAt(EntityManager entityManager, String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from outbox_test.outbox where message_key = :key order by id")
                .setParameter("key", key)
                .getResultList());
    }
}
