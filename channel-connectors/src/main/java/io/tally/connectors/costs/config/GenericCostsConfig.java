package io.tally.connectors.costs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The settings of the generic cost import ({@code POST /api/v1/imports/costs}), under {@code tally.connectors.costs}.
 * Its CSV form shares the chunking of the other cost imports ({@link CostImportsConfig.Imports}).
 */
@ConfigMapping(prefix = "tally.connectors.costs")
public interface GenericCostsConfig {

    /**
     * The most cost lines one JSON request may carry; a larger array is answered 413 as soon as the line past the cap
     * is reached (the rest is not read). The JSON body is also limited to
     * {@code tally.connectors.limits.max-request-bytes}. CSV uploads are streamed and have no cap.
     */
    @WithDefault("1000")
    int maxBatchSize();
}
