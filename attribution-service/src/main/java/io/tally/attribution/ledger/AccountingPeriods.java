package io.tally.attribution.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Accounting periods (UTC months): which are closed, and the period a posting goes into. */
@ApplicationScoped
public class AccountingPeriods {

    /** A period's state and its last change. */
    public record State(String period, boolean closed, Instant changedAt, String changedBy, String reason) {
    }

    @Inject
    EntityManager em;

    /** The first open period from {@code natural} on: where a posting for a conversion of {@code natural} goes. */
    public String postingPeriod(YearMonth natural) {
        return postingPeriods().of(natural);
    }

    /** Where postings go while the closed periods are what they are now; read once for a batch of postings. */
    public record PostingPeriods(Set<String> closed) {

        /** The first open period from {@code natural} on. */
        public String of(YearMonth natural) {
            YearMonth period = natural;
            while (closed.contains(period.toString())) {
                period = period.plusMonths(1);
            }
            return period.toString();
        }
    }

    /** The closed periods now (the caller holds the ledger lock, so none closes or reopens meanwhile). */
    @SuppressWarnings("unchecked")
    public PostingPeriods postingPeriods() {
        List<String> closed = em.createNativeQuery("SELECT period FROM accounting_period WHERE state = 'closed'")
                .getResultList();
        return new PostingPeriods(closed.stream().map(String::trim).collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether the period is closed. */
    public boolean isClosed(String period) {
        return !em.createNativeQuery("SELECT 1 FROM accounting_period WHERE period = ?1 AND state = 'closed'")
                .setParameter(1, period).getResultList().isEmpty();
    }

    /** The recorded states (periods without a record are open), by period. */
    @SuppressWarnings("unchecked")
    public Map<String, State> recorded() {
        Map<String, State> states = new TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT period, state, changed_at, changed_by, reason"
                + " FROM accounting_period").getResultList()) {
            String period = ((String) r[0]).trim();
            states.put(period, new State(period, "closed".equals(r[1]), (Instant) r[2], (String) r[3],
                    (String) r[4]));
        }
        return states;
    }

    /** The first and last period any ledger row belongs to, or null when the ledger is empty. */
    public String[] ledgerRange() {
        Object[] r = (Object[]) em.createNativeQuery("SELECT min(period), max(period) FROM credit_daily")
                .getSingleResult();
        return r[0] == null ? null : new String[]{((String) r[0]).trim(), ((String) r[1]).trim()};
    }

    /** Records a close or reopen, with its audit entry. */
    public void change(String period, boolean close, Instant at, String actor, String reason) {
        em.createNativeQuery("INSERT INTO accounting_period (period, state, changed_at, changed_by, reason)"
                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (period) DO UPDATE SET state = excluded.state,"
                + " changed_at = excluded.changed_at, changed_by = excluded.changed_by, reason = excluded.reason")
                .setParameter(1, period).setParameter(2, close ? "closed" : "open").setParameter(3, at)
                .setParameter(4, actor).setParameter(5, reason).executeUpdate();
        em.createNativeQuery("INSERT INTO accounting_period_audit (period, action, at, actor, reason)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, period).setParameter(2, close ? "close" : "reopen").setParameter(3, at)
                .setParameter(4, actor).setParameter(5, reason).executeUpdate();
    }
}
