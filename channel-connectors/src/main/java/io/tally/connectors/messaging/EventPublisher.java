package io.tally.connectors.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.smallrye.common.annotation.Identifier;
import io.tally.connectors.config.ConnectorsConfig;
import io.tally.events.json.EventSerializer;
import io.tally.events.kafka.ProducerSettings;
import io.tally.events.kafka.TraceHeaders;

/**
 * Publishes events to Kafka and returns only once the broker acknowledged every one of them ({@code acks=all},
 * idempotent producer), or throws {@link PublishFailedException}. Each record carries the trace of the request that
 * publishes it in its {@code traceparent} header (with tracing on).
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final Map<String, Object> kafkaConfig;
    private final ConnectorsConfig config;
    private volatile Producer<String, Object> producer;

    @Inject
    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ConnectorsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    /**
     * Sends every event and waits, within the configured send timeout, for the broker's acknowledgement of each.
     *
     * @throws PublishFailedException when any send fails or the timeout passes; events already sent may still arrive,
     *         which is safe because their ids are stable and consumers are idempotent on them
     */
    public void publishAll(List<OutgoingEvent> events) {
        long timeoutNanos = config.publish().sendTimeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        try {
            for (OutgoingEvent event : events) {
                acks.add(send(event));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw failed("Kafka did not acknowledge " + events.size() + " event(s) within "
                    + config.publish().sendTimeout(), e);
        } catch (ExecutionException e) {
            throw failed("Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while waiting for Kafka", e);
        } catch (RuntimeException e) {
            // send() itself fails when metadata is unavailable for max.block.ms (broker down)
            throw failed("Kafka is unavailable: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<Void> send(OutgoingEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        ProducerRecord<String, Object> record = new ProducerRecord<>(event.topic(), event.key(), event.event());
        // the request's trace goes with its events (with tracing on), so the consumers' spans continue it
        TraceHeaders.inject(Context.current(), record.headers());
        producer().send(record, (metadata, error) -> {
            if (error == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }

    private static PublishFailedException failed(String message, Throwable cause) {
        LOG.warn(message, cause);
        return new PublishFailedException(message, cause);
    }

    private Producer<String, Object> producer() {
        Producer<String, Object> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(producerProperties());
                    producer = current;
                }
            }
        }
        return current;
    }

    /** The {@code kafka.*} configuration (TLS, SASL), with the delivery guarantees every Tally producer must have. */
    Map<String, Object> producerProperties() {
        Map<String, Object> props = ProducerSettings.reliable(kafkaConfig, "channel-connectors");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.publish().sendTimeout().toMillis());
        return props;
    }

    @PreDestroy
    void close() {
        Producer<String, Object> current = producer;
        if (current != null) {
            current.close(config.publish().sendTimeout());
        }
    }
}
