package io.tally.campaign;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.tally.devstack.Devstack;
import io.tally.devstack.KafkaBroker;
import io.tally.events.Topics;

/** Request bodies, unique names, API shortcuts and a raw consumer of {@code tally.campaigns} for the tests. */
public final class CampaignFixtures {

    public static final String PROGRAMMES = "/api/v1/programmes";
    public static final String CAMPAIGNS_OF = "/api/v1/programmes/{id}/campaigns";
    public static final String CAMPAIGN = "/api/v1/campaigns/{id}";
    public static final String PROBLEM_JSON = "application/problem+json";

    private CampaignFixtures() {
    }

    /** A name (or tracking code) no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid programme body: EUR, Europe/Berlin, 14 days. */
    public static Map<String, Object> programme(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("reportingCurrency", "EUR");
        body.put("timeZone", "Europe/Berlin");
        body.put("lookbackDays", 14);
        return body;
    }

    /** A valid programme body with one field replaced (or removed, for null). */
    public static Map<String, Object> programmeWith(String field, Object value) {
        Map<String, Object> body = programme(unique("Programme"));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }

    /** A campaign body. */
    public static Map<String, Object> campaign(String name, String channel, List<?> trackingCodes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("channel", channel);
        body.put("trackingCodes", trackingCodes);
        return body;
    }

    /** Creates a valid programme and returns its id. */
    public static String createProgramme(String name) {
        return given().contentType(ContentType.JSON).body(programme(name))
                .when().post(PROGRAMMES)
                .then().statusCode(201).extract().path("id");
    }

    /** Creates a paid-social campaign with the given codes and returns its id. */
    public static String createCampaign(String programmeId, String name, List<?> trackingCodes) {
        return given().contentType(ContentType.JSON).body(campaign(name, "paid_social", trackingCodes))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(201).extract().path("id");
    }

    /** Sends one record to the devstack broker and waits for its acknowledgement. */
    public static void send(String topic, String key, byte[] value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** A group-less consumer of every partition of {@code tally.campaigns} (devstack), from the beginning. */
    public static KafkaConsumer<String, byte[]> campaignsConsumer() {
        return consumerOf(Devstack.shared().kafka(), Topics.CAMPAIGNS);
    }

    /** A group-less consumer of every partition of a topic on {@code broker} (with its login), from the beginning. */
    public static KafkaConsumer<String, byte[]> consumerOf(KafkaBroker broker, String topic) {
        Map<String, Object> props = broker.clientConfig();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The {@code published_at} of the one outbox row keyed by {@code key} (null while unpublished). */
    public static Object outboxPublishedAt(EntityManager entityManager, String key) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from campaign.outbox where message_key = :key")
                .setParameter("key", key)
                .getResultList());
        assertThat(rows).as("outbox rows keyed %s", key).hasSize(1);
        return rows.get(0);
    }

    /** Polls once and returns the records with the given key (the caller retries with Awaitility). */
    public static List<ConsumerRecord<String, byte[]>> pollFor(KafkaConsumer<String, byte[]> consumer, String key,
            List<ConsumerRecord<String, byte[]>> seen) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (key.equals(record.key())) {
                seen.add(record);
            }
        }
        return new ArrayList<>(seen);
    }
}
