package io.tally.connectors.email.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes expired webhook tokens: past their expiry the timestamp check refuses a replay on its own. */
@ApplicationScoped
public class WebhookTokenPurge {

    private static final Logger LOG = Logger.getLogger(WebhookTokenPurge.class);

    @Inject
    WebhookTokenStore tokens;

    @Scheduled(identity = "email-webhook-token-purge", every = "${tally.connectors.email.mailgun.token-purge-interval}", delayed = "1m")
    void purge() {
        int purged = tokens.purgeExpired(Instant.now());
        if (purged > 0) {
            LOG.debugf("forgot %d expired webhook tokens", purged);
        }
    }
}
