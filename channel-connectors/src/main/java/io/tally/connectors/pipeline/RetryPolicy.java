package io.tally.connectors.pipeline;

import java.time.Duration;
import java.util.function.Supplier;

import io.tally.connectors.messaging.PublishFailedException;

/**
 * The one retry policy of the connectors, for work that no client is waiting on (bulk imports): a publish that fails
 * is tried again with exponential backoff. Requests with a client waiting are not retried here: they answer 503 with
 * Retry-After and the client retries with the same (idempotent) body.
 *
 * @param attempts how many times in all (1 = no retry)
 * @param initialBackoff the wait before the second attempt; doubled each time, up to {@code maxBackoff}
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Runs {@code work}, retrying on {@link PublishFailedException}; rethrows the last failure. */
    public <T> T call(Supplier<T> work) {
        Duration backoff = initialBackoff;
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (PublishFailedException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting to retry", e);
        }
    }
}
