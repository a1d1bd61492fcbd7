package io.tally.attribution.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored refunds and cancellations. */
@ApplicationScoped
public class AdjustmentRepository implements PanacheRepository<AdjustmentEntity> {

    /** What an order's refunds and cancellations in one currency add up to. */
    public record Totals(long refundedMinor, boolean cancelled) {

        /** Nothing refunded, not cancelled. */
        public static final Totals NONE = new Totals(0, false);
    }

    public boolean existsByEventId(String eventId) {
        return count("eventId", eventId) > 0;
    }

    /** The refunds and cancellations of an order in a currency (adjustments in another currency do not apply). */
    public Totals totalsOf(String orderId, String currency) {
        return totalsOf(Set.of(orderId)).getOrDefault(new OrderCurrency(orderId, currency), Totals.NONE);
    }

    /** An order in one currency. */
    public record OrderCurrency(String orderId, String currency) {
    }

    /**
     * What the refunds and cancellations of each of the orders add up to, per currency (an order and currency without
     * any has no entry: {@link Totals#NONE}); one query.
     */
    @SuppressWarnings("unchecked")
    public Map<OrderCurrency, Totals> totalsOf(Collection<String> orderIds) {
        Map<OrderCurrency, Totals> totals = new HashMap<>();
        if (orderIds.isEmpty()) {
            return totals;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT order_id, currency, coalesce(sum(CASE"
                + " WHEN kind = 'refund' THEN amount_minor ELSE 0 END), 0), count(CASE WHEN kind = 'cancellation'"
                + " THEN 1 END) FROM conversion_adjustment WHERE order_id = ANY(CAST(?1 AS text[]))"
                + " GROUP BY order_id, currency")
                .setParameter(1, orderIds.stream().distinct().toArray(String[]::new))
                .getResultList();
        for (Object[] row : rows) {
            totals.put(new OrderCurrency((String) row[0], ((String) row[1]).trim()),
                    new Totals(((Number) row[2]).longValue(), ((Number) row[3]).longValue() > 0));
        }
        return totals;
    }
}
