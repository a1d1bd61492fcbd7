package io.tally.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The {@code tally.outbox.*} configuration of the transactional outbox. Every key has a default; a service sets only what
 * it wants different. The producer reaches the broker with the service's {@code kafka.*} configuration, the keys its
 * other Kafka clients read ({@code kafka.bootstrap.servers}, {@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}); only acks, idempotence, serializers, timeouts and the client id are its own.
 */
@ConfigMapping(prefix = "tally.outbox")
public interface OutboxConfig {

    /**
     * {@code tally.outbox.poll-interval}: how often the relay looks for unpublished rows (default {@code 1s}). The relay
     * also runs right after each commit that wrote a row, so this bounds how long rows wait only after a failed send
     * (broker down, timeout) or a commit on another replica.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * {@code tally.outbox.batch-size}: the most rows one relay transaction locks and sends (default {@code 1000}); the
     * broker's acknowledgements are awaited once per batch, so small batches cap the relay's rate.
     */
    @WithDefault("1000")
    int batchSize();

    /**
     * {@code tally.outbox.send-timeout}: how long the relay waits for the broker to acknowledge a batch before leaving the
     * rest for the next try (default {@code 10s}). Also the producer's {@code max.block.ms} and
     * {@code delivery.timeout.ms}, and twice its {@code request.timeout.ms}.
     */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * {@code tally.outbox.client-id}: the Kafka {@code client.id} of the relay's producer, which names the service in
     * broker logs, quotas and metrics (default {@code ${quarkus.application.name}-outbox}, e.g.
     * {@code campaign-service-outbox}).
     */
    @WithDefault("${quarkus.application.name}-outbox")
    String clientId();

    /**
     * {@code tally.outbox.retention}: how long a row is kept after the broker acknowledged it (default {@code 7d}).
     * {@link OutboxPurge} then deletes it; rows not yet published are never deleted, however old. Long enough to look
     * into what was sent; the events themselves live on in Kafka (and {@code tally.campaigns} is compacted there).
     */
    @WithDefault("7d")
    Duration retention();

    /** {@code tally.outbox.purge-interval}: how often rows past their retention are deleted (default {@code 1h}). */
    @WithDefault("1h")
    Duration purgeInterval();

    /**
     * {@code tally.outbox.purge-batch-size}: the most rows one purge transaction deletes (default {@code 1000}), so a
     * large backlog is deleted in short transactions that hold few locks; a purge runs batches until none is left.
     */
    @WithDefault("1000")
    int purgeBatchSize();

    /**
     * {@code tally.outbox.metrics-interval}: how often the backlog gauges ({@link OutboxMetrics}) are read from the
     * table (default {@code 15s}); between two reads the age of the oldest unpublished row keeps growing.
     */
    @WithDefault("15s")
    Duration metricsInterval();
}
