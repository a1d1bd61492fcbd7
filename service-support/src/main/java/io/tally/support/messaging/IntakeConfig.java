package io.tally.support.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tally.intake.*}: how a consumer retries a record before it dead-letters it. */
@ConfigMapping(prefix = "tally.intake")
public interface IntakeConfig {

    /**
     * {@code tally.intake.attempts}: tries of a record that fails for a reason that will recur (a value the database
     * refuses, a bug) before it goes to {@code tally.rejects} and the consumer moves on (default 3). A transient failure
     * (database or broker unreachable, deadlock, lock or statement timeout) is retried until it succeeds and never
     * counts here.
     */
    @WithDefault("3")
    int attempts();

    /** {@code tally.intake.backoff}: the wait before the first retry; it doubles with every retry (default 200ms). */
    @WithDefault("200ms")
    Duration backoff();

    /** {@code tally.intake.max-backoff}: the longest wait between two retries (default 10s). */
    @WithDefault("10s")
    Duration maxBackoff();
}
