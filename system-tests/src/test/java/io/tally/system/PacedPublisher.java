package io.tally.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.tally.devstack.KafkaBroker;
import io.tally.events.Event;
import io.tally.events.json.EventSerializer;

/**
 * Publishes events to Kafka as the connectors do (key, {@code EventJson} value, {@code acks=all}, idempotent), spread
 * evenly over a stretch of time so that consumers move while records flow, and runs an action half-way.
 */
final class PacedPublisher implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;

    PacedPublisher(KafkaBroker broker) {
        Map<String, Object> config = new HashMap<>(broker.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config);
    }

    /**
     * Sends {@code records} in order over about {@code over}, runs {@code halfWay} once half are sent, and returns where
     * each landed (in the same order) once the broker acknowledged them all.
     */
    List<RecordMetadata> publish(List<ProducerRecord<String, Object>> records, Duration over, Runnable halfWay)
            throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        long spacing = records.isEmpty() ? 0 : over.toNanos() / records.size();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (i == records.size() / 2) {
                halfWay.run();
            }
            LockSupport.parkNanos(start + i * spacing - System.nanoTime());
            sent.add(producer.send(records.get(i)));
        }
        producer.flush();
        List<RecordMetadata> landed = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> future : sent) {
            landed.add(future.get(30, TimeUnit.SECONDS));
        }
        return landed;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** A record of {@code event} for {@code topic} under {@code key}. */
    static ProducerRecord<String, Object> record(String topic, String key, Event event) {
        return new ProducerRecord<>(topic, key, event);
    }

    /** A shuffled copy. */
    static <T> List<T> shuffled(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** {@code a} then {@code b}. */
    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Every tenth item: the ones sent a second time (redelivered). */
    static <T> List<T> everyTenth(List<T> items) {
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 10) {
            picked.add(items.get(i));
        }
        return picked;
    }
}
