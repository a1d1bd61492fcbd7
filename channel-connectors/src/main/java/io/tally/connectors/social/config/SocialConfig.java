package io.tally.connectors.social.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The settings of organic social engagement, under {@code tally.connectors.social}. (The ad-platform cost imports keep
 * their keys under the same prefix: {@link io.tally.connectors.costs.config.CostImportsConfig}.)
 */
@ConfigMapping(prefix = "tally.connectors.social")
public interface SocialConfig {

    /** Organic engagement ({@code POST /api/v1/social/engagements}). */
    Engagements engagements();

    /** Settings of the engagement endpoint. */
    interface Engagements {

        /** The most engagements one request may carry; a larger array is answered 413. */
        @WithDefault("500")
        int maxBatchSize();

        /** How far in the future {@code occurredAt} may lie (client clock skew) before it is rejected. */
        @WithDefault("10M")
        Duration maxClockSkew();
    }
}
