package io.tally.attribution.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Transaction-scoped PostgreSQL advisory locks on names (e.g. {@code order:1234}): they serialise the transactions
 * that work on the same thing across threads and replicas, and are released at commit or rollback.
 */
@ApplicationScoped
public class AdvisoryLocks {

    @Inject
    EntityManager em;

    /** Blocks until this transaction holds the lock of {@code name}. */
    public void lock(String name) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, name)
                .getSingleResult();
    }

    /**
     * Blocks until this transaction holds the lock of {@code name} shared: any number of transactions hold it shared at
     * once, while one that holds it with {@link #lock(String)} excludes them all.
     */
    public void lockShared(String name) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(hashtextextended(?1, 0))) l")
                .setParameter(1, name)
                .getSingleResult();
    }
}
