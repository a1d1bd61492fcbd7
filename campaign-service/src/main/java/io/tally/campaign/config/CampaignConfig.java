package io.tally.campaign.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The {@code tally.*} configuration of campaign-service. */
@ConfigMapping(prefix = "tally")
public interface CampaignConfig {

    /** The transactional outbox that publishes {@code CampaignChanged}. */
    Outbox outbox();

    /** Limits of the REST API. */
    Api api();

    /** {@code tally.outbox.*}. */
    interface Outbox {

        /** How often the relay looks for unpublished outbox rows ({@code 1s}); it also runs right after each commit. */
        Duration pollInterval();

        /** The most rows one relay transaction locks and sends. */
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a batch before leaving the rest for the next try. */
        Duration sendTimeout();
    }

    /** {@code tally.api.*}. */
    interface Api {

        /** The largest page size of list endpoints; larger requests are capped to it. */
        int maxPageSize();
    }
}
