package io.tally.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.tally.events.kafka.ProducerSettings;
import io.tally.events.kafka.TraceHeaders;

/**
 * The Kafka producer of the outbox relay (acks=all, idempotent). It takes the service's whole {@code kafka.*}
 * configuration, as the SmallRye channels do (bootstrap servers, TLS, SASL), so it reaches a broker that requires
 * authentication; see {@link ProducerSettings}. Payloads are already the {@code EventJson} form, so they are sent as
 * their UTF-8 bytes: the same bytes {@code EventSerializer} would write.
 */
@ApplicationScoped
public class OutboxProducer {

    private static final Logger LOG = Logger.getLogger(OutboxProducer.class);

    /** One outbox row to send; {@code traceparent} (may be null) becomes the record's header of that name. */
    public record Message(String topic, String key, String payload, String traceparent) {

        /** A message without a trace context. */
        public Message(String topic, String key, String payload) {
            this(topic, key, payload, null);
        }
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    OutboxConfig config;

    private KafkaProducer<String, byte[]> producer;

    /**
     * Sends the messages in order and waits (at most {@code tally.outbox.send-timeout}) for the broker.
     *
     * @return how many messages, from the first, the broker acknowledged; the rest must be sent again
     */
    public synchronized int sendInOrder(List<Message> messages) {
        Duration timeout = config.sendTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            KafkaProducer<String, byte[]> kafka = producer(timeout);
            for (Message m : messages) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(m.topic(), m.key(),
                        m.payload().getBytes(StandardCharsets.UTF_8));
                TraceHeaders.put(record.headers(), m.traceparent());
                acks.add(kafka.send(record));
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not hand outbox message %d of %d to the producer: %s", acks.size() + 1,
                    messages.size(), e.toString());
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("broker did not acknowledge outbox message %d of %d within %s: %s", acknowledged + 1,
                        messages.size(), timeout, e.getCause() == null ? e.toString() : e.getCause().toString());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (acknowledged < messages.size()) {
            // start the next attempt with a fresh producer rather than one stuck on a dead connection or epoch
            close();
        }
        return acknowledged;
    }

    private KafkaProducer<String, byte[]> producer(Duration timeout) {
        if (producer == null) {
            int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            Map<String, Object> props = ProducerSettings.reliable(kafkaConfig, config.clientId());
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, timeoutMs / 2));
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            try {
                producer.close(config.sendTimeout());
            } catch (RuntimeException e) {
                LOG.debugf("closing the outbox producer failed: %s", e);
            }
            producer = null;
        }
    }
}
