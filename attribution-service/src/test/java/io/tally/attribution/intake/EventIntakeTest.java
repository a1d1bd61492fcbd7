package io.tally.attribution.intake;

import static io.tally.attribution.intake.RejectsTest.awaitReject;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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

    private static byte[] link(String eventId) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-02T10:00:00Z","source":"crm",
                 "identifiers":{"anonymousId":"a-%s","userId":"u-%s"}}""".formatted(eventId, eventId, eventId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
