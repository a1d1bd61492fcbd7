package io.tally.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tally.outbox.Outbox.Relayed;

/**
 * Drains the outbox to Kafka: right after every commit that wrote a row, and every {@code tally.outbox.poll-interval}
 * (which retries whatever a broker outage left behind). One drain at a time per replica; replicas skip each other's rows.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    private final AtomicBoolean requested = new AtomicBoolean();
    /** True while a drain is queued on the after-commit thread: commits meanwhile need no task of their own. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopped;
    private final ReentrantLock draining = new ReentrantLock();
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(identity = "outbox-relay", every = "${tally.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /**
     * Queues one drain after a commit that wrote rows. Commits that arrive while a drain is queued add nothing (a busy
     * service would otherwise pile up one task per commit); the queued drain relays their rows too.
     */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        requested.set(true);
        if (stopped || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            afterCommit.execute(() -> {
                queued.set(false);
                drain();
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the next start (or another replica) relays the row
            queued.set(false);
        }
    }

    /**
     * Relays until the outbox is empty or a send fails. A request that arrives while a drain runs makes that drain go
     * round once more, so no commit waits for the next poll.
     */
    public void drain() {
        requested.set(true);
        while (!stopped && requested.get() && draining.tryLock()) {
            try {
                requested.set(false);
                relayAll();
            } finally {
                draining.unlock();
            }
        }
    }

    private void relayAll() {
        try {
            Relayed relayed;
            do {
                relayed = outbox.relayBatch();
            } while (!stopped && relayed.complete() && relayed.locked() >= config.batchSize());
            if (!relayed.complete()) {
                LOG.warnf("outbox relay stopped after %d of %d rows; the rest are retried within %s",
                        relayed.published(), relayed.locked(), config.pollInterval());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox relay failed; unpublished rows are retried within %s", config.pollInterval());
        }
    }

    /** Stops relaying when shutdown begins, before the persistence unit closes; unpublished rows wait for the next start. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        afterCommit.shutdownNow();
    }
}
