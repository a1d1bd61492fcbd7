package io.tally.connectors.pipeline;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tally.connectors.config.ConnectorsConfig;

/** Keeps the dedup table to the configured retention. */
@ApplicationScoped
public class DedupPurge {

    private static final Logger LOG = Logger.getLogger(DedupPurge.class);

    @Inject
    DedupStore store;
    @Inject
    ConnectorsConfig config;

    @Scheduled(identity = "dedup-purge", every = "${tally.connectors.dedup.purge-interval}", delayed = "1m")
    void purge() {
        int purged = store.purgeBefore(Instant.now().minus(config.dedup().retention()));
        if (purged > 0) {
            LOG.infof("forgot %d event ids older than %s", purged, config.dedup().retention());
        }
    }
}
