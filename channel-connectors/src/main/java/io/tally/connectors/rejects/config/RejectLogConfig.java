package io.tally.connectors.rejects.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of the reject log ({@code GET /api/v1/rejects}), under {@code tally.connectors.reject-log}. */
@ConfigMapping(prefix = "tally.connectors.reject-log")
public interface RejectLogConfig {

    /** How long a dead letter stays in the log, counted from when it was logged. The topic keeps its own retention. */
    @WithDefault("30D")
    Duration retention();

    /** How often rows older than the retention are purged. */
    @WithDefault("1h")
    String purgeInterval();
}
