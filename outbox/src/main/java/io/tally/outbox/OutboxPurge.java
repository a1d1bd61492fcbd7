package io.tally.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes published outbox rows once they are older than {@code tally.outbox.retention}, every
 * {@code tally.outbox.purge-interval}, in transactions of at most {@code tally.outbox.purge-batch-size} rows. Rows not
 * yet published are never deleted.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxConfig config;

    @Scheduled(identity = "outbox-purge", every = "${tally.outbox.purge-interval}", delayed = "${tally.outbox.purge-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox purge failed; retried within %s", config.purgeInterval());
        }
    }

    /**
     * Deletes every row published more than {@code tally.outbox.retention} ago, one bounded batch per transaction.
     *
     * @return how many rows were deleted
     */
    public long purge() {
        Instant cutoff = Instant.now().minus(config.retention());
        int batchSize = config.purgeBatchSize();
        long deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> outbox.deletePublishedBefore(cutoff, batchSize));
            deleted += batch;
        } while (batch == batchSize);
        if (deleted > 0) {
            LOG.infof("deleted %d outbox rows published before %s", deleted, cutoff);
        }
        return deleted;
    }
}
