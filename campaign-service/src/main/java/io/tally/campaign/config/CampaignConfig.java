package io.tally.campaign.config;

import io.smallrye.config.ConfigMapping;

/** The {@code tally.*} configuration of campaign-service ({@code tally.outbox.*}: the outbox module). */
@ConfigMapping(prefix = "tally")
public interface CampaignConfig {

    /** Limits of the REST API. */
    Api api();

    /** {@code tally.api.*}. */
    interface Api {

        /** The largest page size of list endpoints; larger requests are capped to it. */
        int maxPageSize();
    }
}
