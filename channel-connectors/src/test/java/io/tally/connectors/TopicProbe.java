package io.tally.connectors;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** A real consumer on the test broker (use inside a {@code @QuarkusTest}) that reads topics from the beginning and keeps what it saw. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(List<String> topics) {
        Properties props = new Properties();
        props.putAll(brokerConfig());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * How to reach the broker the application under test publishes to (set by {@code DevstackResource}, or
     * {@code SaslKafkaResource} with its SASL login): its bootstrap servers and security settings, read from the
     * application's configuration so probe and application can never disagree.
     */
    public static Map<String, String> brokerConfig() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> broker = new HashMap<>();
        broker.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        for (String key : List.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SaslConfigs.SASL_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG)) {
            config.getOptionalValue("kafka." + key, String.class).ifPresent(value -> broker.put(key, value));
        }
        return broker;
    }

    /** A probe on {@code topics}, positioned at their beginning. */
    public static TopicProbe of(String... topics) {
        return new TopicProbe(List.of(topics));
    }

    /** Polls once more; returns every record seen so far whose value mentions {@code marker}. */
    public List<ConsumerRecord<String, byte[]>> mentioning(String marker) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> value(r).contains(marker)).toList();
    }

    /** Waits until {@code count} records mentioning {@code marker} arrived; returns them. */
    public List<ConsumerRecord<String, byte[]>> awaitMentioning(String marker, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> mentioning(marker), records -> records.size() >= count);
    }

    /** Asserts that no record mentioning {@code marker} arrives during {@code period}. */
    public void assertNothingMentioning(String marker, Duration period) {
        await().during(period).atMost(period.plusSeconds(5))
                .until(() -> mentioning(marker).isEmpty());
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
