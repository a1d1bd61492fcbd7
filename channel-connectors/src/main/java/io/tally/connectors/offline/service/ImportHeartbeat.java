package io.tally.connectors.offline.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tally.connectors.offline.config.OfflineConfig;

/**
 * Keeps job statuses honest across instances: each instance confirms the jobs it holds, and jobs nobody confirmed for
 * {@code stale-after} (their instance stopped; the spooled file is gone with it) are marked failed.
 */
@ApplicationScoped
public class ImportHeartbeat {

    static final String STALE = "the instance processing this import stopped; upload the file again (rows already "
            + "published are deduplicated)";

    private static final Logger LOG = Logger.getLogger(ImportHeartbeat.class);

    @Inject
    ImportProcessor processor;
    @Inject
    ImportJobService jobs;
    @Inject
    OfflineConfig config;

    @Scheduled(identity = "offline-import-heartbeat", every = "${tally.connectors.offline.heartbeat-interval:30s}")
    void beat() {
        jobs.heartbeat(processor.active());
        int failed = jobs.failStale(Instant.now().minus(config.staleAfter()), STALE);
        if (failed > 0) {
            LOG.warnf("marked %d abandoned import job(s) as failed", failed);
        }
    }
}
