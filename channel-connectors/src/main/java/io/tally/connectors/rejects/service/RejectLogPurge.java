package io.tally.connectors.rejects.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.tally.connectors.rejects.config.RejectLogConfig;

/** Keeps the reject log to the configured retention. */
@ApplicationScoped
public class RejectLogPurge {

    private static final Logger LOG = Logger.getLogger(RejectLogPurge.class);

    @Inject
    RejectLog log;
    @Inject
    RejectLogConfig config;

    @Scheduled(identity = "reject-log-purge", every = "${tally.connectors.reject-log.purge-interval}", delayed = "1m")
    void purge() {
        int purged = log.purgeLoggedBefore(Instant.now().minus(config.retention()));
        if (purged > 0) {
            LOG.infof("forgot %d dead letters logged more than %s ago", purged, config.retention());
        }
    }
}
