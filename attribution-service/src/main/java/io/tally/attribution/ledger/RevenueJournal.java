package io.tally.attribution.ledger;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.attribution.intake.ConversionEntity;

/** The revenue journal ({@code revenue_entry}): bookings and later changes of each conversion's net revenue. */
@ApplicationScoped
public class RevenueJournal {

    @Inject
    EntityManager em;

    /** The conversion's journal net, or null when nothing was ever posted for it. */
    public Long netOf(String conversionEventId) {
        Object net = em.createNativeQuery("SELECT sum(amount_minor) FROM revenue_entry WHERE conversion_event_id = ?1")
                .setParameter(1, conversionEventId).getSingleResult();
        return net == null ? null : ((Number) net).longValue();
    }

    /** Posts an entry for the conversion into {@code period} (its day is the conversion's UTC date). */
    public void post(ConversionEntity conversion, String kind, long amountMinor, String period) {
        em.createNativeQuery(
                "INSERT INTO revenue_entry (conversion_event_id, kind, period, day, amount_minor, currency)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, conversion.eventId).setParameter(2, kind).setParameter(3, period)
                .setParameter(4, conversion.occurredAt.atOffset(ZoneOffset.UTC).toLocalDate())
                .setParameter(5, amountMinor).setParameter(6, conversion.currency).executeUpdate();
    }

    /**
     * Brings the conversion's journal to its net revenue now: a booking of its revenue the first time, then an entry
     * for each change (a refund or cancellation lowers it, a restore raises it), into {@code period}. Posted with the
     * credit rows, so per period the journal and each model's ledger rows sum to the same net revenue.
     */
    public void bringTo(ConversionEntity conversion, long netNow, boolean cancelled, String period) {
        Long journaled = netOf(conversion.eventId);
        long current = journaled == null ? conversion.revenueMinor : journaled;
        if (journaled == null) {
            post(conversion, "booking", conversion.revenueMinor, period);
        }
        long delta = netNow - current;
        if (delta != 0) {
            String kind = delta > 0 ? "restore" : cancelled ? "cancellation" : "refund";
            post(conversion, kind, delta, period);
        }
    }
}
