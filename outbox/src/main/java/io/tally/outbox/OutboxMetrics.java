package io.tally.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tally.outbox.OutboxRepository.Backlog;

/**
 * The outbox on the service's Prometheus endpoint, tagged {@code service} (the application name):
 * {@value #BACKLOG} (rows not yet published; {@code tally_outbox_backlog}) and {@value #OLDEST_AGE} (seconds since the
 * oldest of them was written, 0 when none waits; {@code tally_outbox_oldest_age_seconds}). The table is read every
 * {@code tally.outbox.metrics-interval} (scheduled job {@code outbox-metrics}), never on a scrape; between reads the age
 * keeps growing from the oldest row's time. Every replica reads the same table, so dashboards take the maximum.
 */
@ApplicationScoped
public class OutboxMetrics {

    /** Micrometer name of the backlog gauge. */
    public static final String BACKLOG = "tally.outbox.backlog";
    /** Micrometer name of the age gauge (seconds). */
    public static final String OLDEST_AGE = "tally.outbox.oldest.age";

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    OutboxRepository outbox;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile Backlog last = new Backlog(0, null);

    void register(@Observes StartupEvent started) {
        Gauge.builder(BACKLOG, this, metrics -> metrics.last.rows())
                .description("Outbox rows not yet published")
                .tag("service", service)
                .register(registry);
        TimeGauge.builder(OLDEST_AGE, this, TimeUnit.SECONDS, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest outbox row not yet published (0 when none waits)")
                .tag("service", service)
                .register(registry);
    }

    @Scheduled(identity = "outbox-metrics", every = "${tally.outbox.metrics-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("reading the outbox backlog failed: %s", e);
        }
    }

    /** Reads the backlog from the table now; returns what the gauges show from now on. */
    public Backlog refresh() {
        Backlog backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
        last = backlog;
        return backlog;
    }

    private double oldestAgeSeconds() {
        Backlog backlog = last;
        if (backlog.rows() == 0 || backlog.oldestCreatedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(backlog.oldestCreatedAt(), Instant.now()).toMillis() / 1000.0);
    }
}
