package io.tally.outbox;

import static io.tally.outbox.OutboxFixtures.TOPIC;
import static io.tally.outbox.OutboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;

/**
 * The purge on the devstack PostgreSQL, with the default retention (7 days) and purge batches of 2 (test
 * configuration). Rows are written directly, with the ages the test needs; the relay's poll is paused meanwhile, so
 * the unpublished ones stay unpublished.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OutboxPurgeTest {

    @Inject
    OutboxPurge purge;

    @Inject
    EntityManager entityManager;

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void pauseTheRelay() {
        scheduler.pause("outbox-relay");
    }

    private final String key = unique("purge");

    @AfterEach
    void removeTheRowsAndResumeTheRelay() {
        // the unpublished row is the test's own: the relay must not send it once it runs again
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_test.outbox where message_key like :prefix")
                .setParameter("prefix", key + "-%")
                .executeUpdate());
        scheduler.resume("outbox-relay");
    }

    @Test
    void publishedRowsPastTheRetentionAreDeletedInBatchesAndNothingElse() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant pastRetention = now.minus(Duration.ofDays(8));
        for (int i = 0; i < 5; i++) {
            insert(key + "-expired", now.minus(Duration.ofDays(9)), pastRetention);
        }
        insert(key + "-recent", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(6)));
        insert(key + "-unpublished", now.minus(Duration.ofDays(30)), null);

        long deleted = purge.purge();

        // five expired rows with batches of 2: three transactions (2, 2, 1); rows other tests left are recent
        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(keys(key)).containsExactlyInAnyOrder(key + "-recent", key + "-unpublished");
        assertThat(purge.purge()).as("nothing left to purge").isZero();
    }

    private void insert(String key, Instant createdAt, Instant publishedAt) {
        OutboxMessage row = OutboxMessage.of(TOPIC, key, "{}", createdAt);
        if (publishedAt != null) {
            row.markPublished(publishedAt);
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(row));
    }

    @SuppressWarnings("unchecked")
    private List<String> keys(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select message_key from outbox_test.outbox where message_key like :prefix")
                .setParameter("prefix", prefix + "-%")
                .getResultList());
    }
}
