package io.tally.attribution.ledger;

import static io.tally.attribution.sql.SqlArrays.longs;
import static io.tally.attribution.sql.SqlArrays.texts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.attribution.intake.ConversionEntity;

/** The revenue journal ({@code revenue_entry}): bookings and later changes of each conversion's net revenue. */
@ApplicationScoped
public class RevenueJournal {

    /** An entry: a change of a conversion's net revenue, posted into a period (its day: the conversion's UTC date). */
    public record Entry(String conversionEventId, String kind, String period, LocalDate day, long amountMinor,
            String currency) {

        static Entry of(ConversionEntity conversion, String kind, long amountMinor, String period) {
            return new Entry(conversion.eventId, kind, period,
                    conversion.occurredAt.atOffset(ZoneOffset.UTC).toLocalDate(), amountMinor, conversion.currency);
        }
    }

    @Inject
    EntityManager em;

    /** The conversion's journal net, or null when nothing was ever posted for it. */
    public Long netOf(String conversionEventId) {
        return netsOf(List.of(conversionEventId)).get(conversionEventId);
    }

    /** The journal net of each of the conversions that has entries (one query). */
    @SuppressWarnings("unchecked")
    public Map<String, Long> netsOf(Collection<String> conversionEventIds) {
        Map<String, Long> nets = new HashMap<>();
        if (conversionEventIds.isEmpty()) {
            return nets;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT conversion_event_id, sum(amount_minor) FROM revenue_entry"
                + " WHERE conversion_event_id = ANY(CAST(?1 AS text[])) GROUP BY conversion_event_id")
                .setParameter(1, texts(conversionEventIds)).getResultList();
        rows.forEach(row -> nets.put((String) row[0], ((Number) row[1]).longValue()));
        return nets;
    }

    /** Posts an entry for the conversion into {@code period} (its day is the conversion's UTC date). */
    public void post(ConversionEntity conversion, String kind, long amountMinor, String period) {
        postAll(List.of(Entry.of(conversion, kind, amountMinor, period)));
    }

    /** Posts the entries, in one statement. */
    public void postAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.createNativeQuery("INSERT INTO revenue_entry (conversion_event_id, kind, period, day, amount_minor,"
                + " currency) SELECT * FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]),"
                + " CAST(?4 AS date[]), CAST(?5 AS bigint[]), CAST(?6 AS text[]))")
                .setParameter(1, texts(entries, Entry::conversionEventId))
                .setParameter(2, texts(entries, Entry::kind))
                .setParameter(3, texts(entries, Entry::period))
                .setParameter(4, texts(entries, e -> e.day().toString()))
                .setParameter(5, longs(entries, Entry::amountMinor))
                .setParameter(6, texts(entries, Entry::currency))
                .executeUpdate();
    }

    /**
     * The entries that bring the conversion's journal to its net revenue now: a booking of its revenue the first time
     * ({@code journaled} null), then an entry for each change (a refund or cancellation lowers it, a restore raises it),
     * into {@code period}. Posted with the credit rows, so per period the journal and each model's ledger rows sum to
     * the same net revenue.
     *
     * @param journaled the conversion's journal net, null when it has no entries yet
     */
    static List<Entry> toBring(ConversionEntity conversion, Long journaled, long netNow, boolean cancelled,
            String period) {
        List<Entry> entries = new ArrayList<>();
        long current = journaled == null ? conversion.revenueMinor : journaled;
        if (journaled == null) {
            entries.add(Entry.of(conversion, "booking", conversion.revenueMinor, period));
        }
        long delta = netNow - current;
        if (delta != 0) {
            String kind = delta > 0 ? "restore" : cancelled ? "cancellation" : "refund";
            entries.add(Entry.of(conversion, kind, delta, period));
        }
        return entries;
    }
}
