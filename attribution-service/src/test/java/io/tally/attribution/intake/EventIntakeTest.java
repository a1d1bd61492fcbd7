package io.tally.attribution.intake;

import static io.tally.attribution.intake.RejectsTest.awaitReject;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.IdentityLink;
import io.tally.events.Reject;
import io.tally.support.messaging.EventIntake;

/**
 * The intake every consumer goes through, on the real PostgreSQL and Kafka: a failure that will recur is retried a
 * bounded number of times and then dead-lettered; a transient one is retried until it passes, however long.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class EventIntakeTest {

    @Inject
    EventIntake intake;
    @Inject
    EntityManager em;

    @Test
    void aRecordTheDatabaseRefusesEveryTimeIsTriedThreeTimesThenDeadLettered() {
        String marker = "refused-" + UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        intake.accept("attribution.test", link(marker), IdentityLink.class, event -> {
            calls.incrementAndGet();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("SELECT 1 / 0").getSingleResult());
        });
        assertThat(calls).hasValue(3);
        Reject reject = awaitReject(marker);
        assertThat(reject.source()).isEqualTo("attribution.test");
        assertThat(reject.reason()).startsWith("processing failed 3 times: ").contains("SQLSTATE 22012");
    }

    @Test
    void aTransientFailureIsRetriedPastTheAttemptsUntilItPasses() {
        AtomicInteger calls = new AtomicInteger();
        intake.accept("attribution.test", link("transient-" + UUID.randomUUID()), IdentityLink.class, event -> {
            if (calls.incrementAndGet() <= 5) {
                throw new IllegalStateException("database down",
                        new SQLException("Connection to localhost:5432 refused", "08001"));
            }
        });
        assertThat(calls).hasValue(6);
    }

    @Test
    void aBatchIsProcessedInOneGoAndItsRepeatsOnTheirOwnAfterIt() {
        String run = UUID.randomUUID().toString();
        List<List<String>> calls = new ArrayList<>();
        intake.acceptAll("attribution.test", List.of(link(run + "-1"), link(run + "-2"), link(run + "-1"),
                link(run + "-3")), IdentityLink.class,
                batch -> calls.add(batch.stream().map(IdentityLink::eventId)
                        .toList()));
        assertThat(calls).containsExactly(List.of(run + "-1", run + "-2", run + "-3"), List.of(run + "-1"));
    }

    @Test
    void aBatchWithOneBadRecordIsProcessedRecordByRecordAndOnlyTheBadOneIsDeadLettered() {
        String run = UUID.randomUUID().toString();
        String bad = run + "-bad";
        List<String> kept = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        byte[] unreadable = "{\"eventId\":\"%s-unreadable\"".formatted(run).getBytes(StandardCharsets.UTF_8);
        intake.acceptAll("attribution.test", List.of(link(run + "-1"), link(bad), unreadable, link(run + "-2")),
                IdentityLink.class, batch -> {
                    batches.incrementAndGet();
                    if (batch.stream().anyMatch(e -> e.eventId().equals(bad))) {
                        throw new IllegalArgumentException("a value the database refuses");
                    }
                    batch.forEach(e -> kept.add(e.eventId()));
                });
        // the batch of three readable records failed; then each on its own: the bad one three times
        assertThat(batches).hasValue(1 + 1 + 3 + 1);
        assertThat(kept).containsExactly(run + "-1", run + "-2");
        assertThat(awaitReject(bad).reason()).startsWith("processing failed 3 times: ");
    }

    @Test
    void aBatchFailingForNowIsRetriedWhole() {
        String run = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();
        List<Integer> sizes = new ArrayList<>();
        intake.acceptAll("attribution.test", List.of(link(run + "-1"), link(run + "-2")), IdentityLink.class,
                batch -> {
                    sizes.add(batch.size());
                    if (calls.incrementAndGet() <= 2) {
                        throw new IllegalStateException("deadlock", new SQLException("deadlock detected", "40P01"));
                    }
                });
        assertThat(sizes).containsExactly(2, 2, 2);
    }

    private static byte[] link(String eventId) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-02T10:00:00Z","source":"crm",
                 "identifiers":{"anonymousId":"a-%s","userId":"u-%s"}}""".formatted(eventId, eventId, eventId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
