package io.tally.attribution.ledger;

import java.util.Collection;
import java.util.TreeSet;

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
     * Blocks until this transaction holds the locks of all {@code names}, taken one after the other in the names' sorted
     * order (the order every caller takes them in, so two callers never wait on each other in a circle), in one round
     * trip.
     */
    public void lockAll(Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        if (names.size() == 1) {
            lock(names.iterator().next());
            return;
        }
        String[] sorted = new TreeSet<>(names).toArray(String[]::new);
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtextextended(n, 0))) FROM (SELECT n FROM"
                + " unnest(CAST(?1 AS text[])) WITH ORDINALITY AS l(n, i) ORDER BY i) s")
                .setParameter(1, sorted)
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
