package io.tally.attribution.intake;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored refunds and cancellations. */
@ApplicationScoped
public class AdjustmentRepository implements PanacheRepository<AdjustmentEntity> {

    /** What an order's refunds and cancellations in one currency add up to. */
    public record Totals(long refundedMinor, boolean cancelled) {
    }

    public boolean existsByEventId(String eventId) {
        return count("eventId", eventId) > 0;
    }

    /** The refunds and cancellations of an order in a currency (adjustments in another currency do not apply). */
    public Totals totalsOf(String orderId, String currency) {
        Object[] row = getEntityManager().createQuery("SELECT coalesce(sum(CASE WHEN a.kind = 'refund' THEN"
                + " a.amountMinor ELSE 0 END), 0), count(CASE WHEN a.kind = 'cancellation' THEN 1 END)"
                + " FROM AdjustmentEntity a WHERE a.orderId = :order AND a.currency = :currency", Object[].class)
                .setParameter("order", orderId)
                .setParameter("currency", currency)
                .getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue() > 0);
    }
}
