package io.tally.attribution.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How attribution credits conversions. */
@ConfigMapping(prefix = "tally.attribution")
public interface AttributionConfig {

    /** Models that credit every conversion, by name (first_touch, last_touch, linear). */
    @WithDefault("first_touch,last_touch,linear")
    List<String> models();

    /** Interaction types that may earn credit (visit, click, impression, email_open, engagement, offline_contact). */
    @WithDefault("visit,click")
    List<String> eligibleInteractions();

    /** Lookback in days for touches whose tracking code resolves to no programme (1–90). */
    @WithDefault("30")
    int defaultLookbackDays();

    /** How long to wait for the broker to acknowledge a dead letter on tally.rejects. */
    @WithDefault("10s")
    Duration rejectTimeout();

    /** How often a failed event is tried again (each time in a new transaction) before the consumer gives up. */
    @WithDefault("3")
    int processingAttempts();
}
