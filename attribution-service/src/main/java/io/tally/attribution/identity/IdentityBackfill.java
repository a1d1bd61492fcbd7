package io.tally.attribution.identity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Gives touchpoints and conversions stored before the identity graph existed (migration V2) their profile, once, at
 * start-up, in batches. Their credit is left as it was posted; later events re-credit them as usual.
 */
@ApplicationScoped
public class IdentityBackfill {

    private static final Logger LOG = Logger.getLogger(IdentityBackfill.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;
    @Inject
    IdentityGraph identities;

    void onStart(@Observes StartupEvent start) {
        long rows = run();
        if (rows > 0) {
            LOG.infof("gave %d stored touchpoints and conversions their identity profile", rows);
        }
    }

    /** Backfills every row without a profile; returns how many rows it updated. */
    public long run() {
        long total = 0;
        for (String table : List.of("touchpoint", "conversion")) {
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> batch(table));
                total += done;
            } while (done == BATCH);
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    int batch(String table) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, event_id, anonymous_id, user_id, email_sha256,"
                + " phone_sha256, loyalty_id, customer_id FROM " + table
                + " WHERE profile_id IS NULL ORDER BY id LIMIT "
                + BATCH).getResultList();
        for (Object[] row : rows) {
            IdentityColumns ids = new IdentityColumns();
            ids.anonymousId = (String) row[2];
            ids.userId = (String) row[3];
            ids.emailSha256 = (String) row[4];
            ids.phoneSha256 = (String) row[5];
            ids.loyaltyId = (String) row[6];
            ids.customerId = (String) row[7];
            long profile = identities.resolve(ids.toIdentifiers(), (String) row[1]).profileId();
            em.createNativeQuery("UPDATE " + table + " SET profile_id = ?1 WHERE id = ?2")
                    .setParameter(1, profile).setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        }
        return rows.size();
    }
}
