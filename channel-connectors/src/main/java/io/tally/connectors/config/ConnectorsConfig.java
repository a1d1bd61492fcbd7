package io.tally.connectors.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of channel-connectors, under {@code tally.connectors}. */
@ConfigMapping(prefix = "tally.connectors")
public interface ConnectorsConfig {

    /** The web collector ({@code POST /api/v1/collect}). */
    Web web();

    /** Publishing events to Kafka. */
    Publish publish();

    /** Settings of the web collector. */
    interface Web {

        /** The most events one collect request may carry; a larger array is answered 413. */
        @WithDefault("500")
        int maxBatchSize();

        /** How far in the future an event timestamp may lie (client clock skew) before it is rejected. */
        @WithDefault("10M")
        Duration maxClockSkew();
    }

    /** Settings of the Kafka publisher. */
    interface Publish {

        /** How long a request waits for the broker to acknowledge all of its events before it answers 503. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** The Retry-After a 503 suggests to the client when Kafka did not acknowledge in time. */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
