package io.tally.connectors.pipeline;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import io.smallrye.faulttolerance.api.Guard;
import io.tally.connectors.messaging.PublishFailedException;

/**
 * The one retry policy of the connectors, for work that no client is waiting on (bulk imports): a publish that fails
 * is tried again with exponential backoff, by a SmallRye Fault Tolerance {@link Guard} (its programmatic API, as the
 * Quarkus extension of this platform version is not served by the repository these builds reach). Requests with a
 * client waiting are not retried here: they answer 503 with Retry-After and the client retries with the same
 * (idempotent) body.
 */
public final class RetryPolicy {

    private final int attempts;
    private final Guard guard;

    /**
     * @param attempts how many times in all (1 = no retry)
     * @param initialBackoff the wait before the second attempt; doubled each time, up to {@code maxBackoff}
     * @param maxBackoff the longest wait between attempts
     */
    public RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max");
        }
        this.attempts = attempts;
        this.guard = Guard.create().withDescription("connectors bulk publish").withRetry()
                .maxRetries(attempts - 1)
                .delay(initialBackoff.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS) // bounded by the attempts alone
                .retryOn(PublishFailedException.class)
                .withExponentialBackoff().factor(2).maxDelay(maxBackoff.toMillis(), ChronoUnit.MILLIS).done()
                .done().build();
    }

    /** How many times in all a call is tried. */
    public int attempts() {
        return attempts;
    }

    /**
     * Runs {@code work}, retrying on {@link PublishFailedException}; rethrows the last failure, and any other failure
     * at once.
     */
    @SuppressWarnings("unchecked") // the guard hands back what work returned; Object.class only says "not async"
    public <T> T call(Supplier<T> work) {
        Supplier<Object> untyped = work::get;
        return (T) guard.get(untyped, Object.class);
    }
}
