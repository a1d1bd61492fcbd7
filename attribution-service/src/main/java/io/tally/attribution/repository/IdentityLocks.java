package io.tally.attribution.repository;

import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.events.Identifiers;

/**
 * Transaction-scoped PostgreSQL advisory locks on customer identifiers, so a touchpoint and a conversion of the same
 * customer, consumed concurrently (or by two replicas), are processed one after the other and neither misses the other.
 * Locks are taken in sorted order, which rules out deadlocks between two identity sets.
 */
@ApplicationScoped
public class IdentityLocks {

    @Inject
    EntityManager em;

    /** Blocks until this transaction holds the lock of every identifier; released at commit or rollback. */
    public void lock(Identifiers identifiers) {
        TreeSet<String> keys = new TreeSet<>();
        for (Map.Entry<String, String> id : identifiers.asMap().entrySet()) {
            keys.add(id.getKey() + ":" + id.getValue());
        }
        for (String key : keys) {
            em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                    .setParameter(1, key)
                    .getSingleResult();
        }
    }
}
