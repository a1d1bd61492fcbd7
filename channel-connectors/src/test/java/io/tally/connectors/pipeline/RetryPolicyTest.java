package io.tally.connectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.tally.connectors.messaging.PublishFailedException;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));

    @Test
    void aPublishThatRecoversIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = policy.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new PublishFailedException("broker down", null);
            }
            return "published";
        });
        assertThat(result).isEqualTo("published");
        assertThat(calls).hasValue(3);
    }

    @Test
    void theLastFailureIsRethrownAfterEveryAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> policy.call(() -> {
            calls.incrementAndGet();
            throw new PublishFailedException("broker down", null);
        })).isInstanceOf(PublishFailedException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> policy.call(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void theWaitsDoubleUpToTheLongest() {
        RetryPolicy slow = new RetryPolicy(4, Duration.ofMillis(60), Duration.ofMillis(100));
        List<Long> starts = new ArrayList<>();
        assertThatThrownBy(() -> slow.call(() -> {
            starts.add(System.nanoTime());
            throw new PublishFailedException("broker down", null);
        })).isInstanceOf(PublishFailedException.class);
        assertThat(starts).hasSize(4);
        // waits of 60, then 120 capped to 100, then 100 ms (no jitter): lower bounds only, a slow machine waits longer
        assertThat(millisBetween(starts, 0)).isGreaterThanOrEqualTo(60);
        assertThat(millisBetween(starts, 1)).isGreaterThanOrEqualTo(100);
        assertThat(millisBetween(starts, 2)).isGreaterThanOrEqualTo(100);
        assertThat(millisBetween(starts, 0) + millisBetween(starts, 1) + millisBetween(starts, 2))
                .as("capped at 100 ms, not doubled to 240").isLessThan(60 + 120 + 240);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO).call(() -> {
            calls.incrementAndGet();
            throw new PublishFailedException("broker down", null);
        })).isInstanceOf(PublishFailedException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aPolicyWithoutAttemptsIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long millisBetween(List<Long> starts, int i) {
        return (starts.get(i + 1) - starts.get(i)) / 1_000_000;
    }
}
