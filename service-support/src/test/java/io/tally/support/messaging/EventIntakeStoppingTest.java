package io.tally.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.Test;

import io.tally.events.IdentityLink;
import io.tally.events.Reject;

/**
 * A record in flight while the service stops (its persistence unit closing under it) is neither retried nor
 * dead-lettered: the intake throws, so the record is not acknowledged and is consumed again after the stop. Before the
 * stop, the same failure is retried and dead-lettered as usual.
 */
class EventIntakeStoppingTest {

    private final List<Reject> dead = new ArrayList<>();
    private final EventIntake intake = new EventIntake(deadLetters(dead::add), config());

    @Test
    void beforeTheStopAFailingRecordIsDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        intake.accept("test", link("a"), IdentityLink.class, e -> {
            calls.incrementAndGet();
            throw new IllegalStateException("EntityManagerFactory is closed");
        });
        assertThat(calls).hasValue(3);
        assertThat(dead).hasSize(1);
    }

    @Test
    void onceStoppingAFailingRecordIsLeftToBeConsumedAgain() {
        intake.stopping();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> intake.accept("test", link("b"), IdentityLink.class, e -> {
            calls.incrementAndGet();
            throw new IllegalStateException("EntityManagerFactory is closed");
        })).isInstanceOf(EventIntake.StoppingException.class).hasMessageContaining("b");
        assertThat(calls).hasValue(1);
        assertThat(dead).isEmpty();
    }

    @Test
    void onceStoppingAFailingBatchIsNeitherSplitNorDeadLettered() {
        intake.stopping();
        List<Integer> sizes = new ArrayList<>();
        assertThatThrownBy(() -> intake.acceptAll("test", List.of(link("c"), link("d")), IdentityLink.class,
                batch -> {
                    sizes.add(batch.size());
                    throw new IllegalStateException("Session/EntityManager is closed");
                })).isInstanceOf(EventIntake.StoppingException.class);
        assertThat(sizes).containsExactly(2);
        assertThat(dead).isEmpty();
    }

    @Test
    void onceStoppingARecordThatSucceedsIsStillProcessed() {
        intake.stopping();
        List<String> seen = new ArrayList<>();
        intake.accept("test", link("e"), IdentityLink.class, e -> seen.add(e.eventId()));
        assertThat(seen).containsExactly("e");
    }

    private static byte[] link(String eventId) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-02T10:00:00Z","source":"crm",
                 "identifiers":{"anonymousId":"a-%s","userId":"u-%s"}}""".formatted(eventId, eventId, eventId)
                .getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Instance<DeadLetters> deadLetters(DeadLetters store) {
        return (Instance<DeadLetters>) Proxy.newProxyInstance(EventIntakeStoppingTest.class.getClassLoader(),
                new Class<?>[]{Instance.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        return store;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static IntakeConfig config() {
        return new IntakeConfig() {
            @Override
            public int attempts() {
                return 3;
            }

            @Override
            public Duration backoff() {
                return Duration.ofMillis(1);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(5);
            }
        };
    }
}
