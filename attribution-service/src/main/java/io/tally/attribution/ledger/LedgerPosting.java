package io.tally.attribution.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.directory.ResolvedTouch;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.CreditSplitter;
import io.tally.events.Topics;
import io.tally.outbox.Outbox;

/**
 * Posts the rows that take one conversion's credit under one model from what it holds to what it should hold. The
 * first posting is {@code original}; every later one {@code adjustment} rows for the differences only, so rows are
 * never rewritten and posting the same target twice posts nothing. Each posting goes to the daily roll-up and, as an
 * {@code Attribution} event, to the outbox, in the caller's transaction: the rows and events are collected in a
 * {@link Postings} and written together, for a whole batch of conversions.
 */
@ApplicationScoped
class LedgerPosting {

    /** Money in minor units and the conversion in millionths, held by or targeted for one credit key. */
    record Amounts(long amountMinor, long conversionUnits) {

        static final Amounts NONE = new Amounts(0, 0);

        Amounts minus(Amounts other) {
            return new Amounts(amountMinor - other.amountMinor, conversionUnits - other.conversionUnits);
        }

        boolean isZero() {
            return amountMinor == 0 && conversionUnits == 0;
        }
    }

    /** The ledger rows, journal entries and outbox events of a batch of postings, written together. */
    static final class Postings {

        final List<CreditRow> rows = new ArrayList<>();
        final List<RevenueJournal.Entry> entries = new ArrayList<>();
        final List<Outbox.Appended> events = new ArrayList<>();
    }

    @Inject
    CreditRepository credits;
    @Inject
    LedgerRollup rollup;
    @Inject
    Outbox outbox;
    @Inject
    RevenueJournal journal;

    /** Writes what the postings collected: the ledger rows, the journal entries, the outbox events. */
    void write(Postings postings) {
        credits.insertAll(postings.rows);
        journal.postAll(postings.entries);
        outbox.appendAll(postings.events);
    }

    /** What the model's shares come to per credit key: each share keyed by its touch (or unattributed). */
    static Map<CreditPosition.Key, Amounts> target(List<CreditSplitter.Share> shares, List<ResolvedTouch> journey) {
        Map<CreditPosition.Key, Amounts> target = new LinkedHashMap<>();
        for (CreditSplitter.Share share : shares) {
            Amounts amounts = new Amounts(share.amountMinor(), share.conversionUnits());
            if (amounts.isZero()) {
                continue;
            }
            CreditPosition.Key key;
            if (share.unattributed()) {
                key = new CreditPosition.Key(null, null, null, null);
            } else {
                ResolvedTouch t = journey.get(share.touchIndex());
                key = new CreditPosition.Key(t.eventId(), t.channel(), t.campaignId(), t.programmeId());
            }
            target.put(key, amounts);
        }
        return target;
    }

    /**
     * Adds to {@code postings} the rows for the differences between {@code positions} (what the conversion holds) and
     * {@code target}, and their event.
     */
    void post(Postings postings, ConversionEntity conversion, AttributionModel model,
            Map<CreditPosition.Key, Amounts> target,
            List<CreditPosition> positions, String causeEventId, CreditReason reason, String period) {
        Map<CreditPosition.Key, Amounts> current = new HashMap<>();
        for (CreditPosition p : positions) {
            current.put(p.key(), new Amounts(p.amountMinor(), p.conversionUnits()));
        }
        boolean original = current.isEmpty();
        Set<CreditPosition.Key> keys = new LinkedHashSet<>(current.keySet());
        keys.addAll(target.keySet());
        List<CreditRow> rows = new ArrayList<>();
        String name = model.name();
        String version = model.version();
        String kind = original ? "original" : "adjustment";
        String reasonName = reason.wireName();
        String entryId = (original ? "original:" + conversion.eventId : "adjustment:" + causeEventId) + ":" + name;
        for (CreditPosition.Key key : keys) {
            Amounts delta = target.getOrDefault(key, Amounts.NONE).minus(current.getOrDefault(key, Amounts.NONE));
            if (delta.isZero()) {
                continue;
            }
            CreditRow row = new CreditRow(entryId, kind, conversion.eventId, conversion.occurredAt, name, version,
                    key.touchpointEventId(), key.channel(), key.campaignId(), key.programmeId(), delta.amountMinor(),
                    conversion.currency, delta.conversionUnits(), period, reasonName);
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            rollup.addAll(rows);
            postings.rows.addAll(rows);
            postings.events.add(new Outbox.Appended(Topics.ATTRIBUTIONS, conversion.eventId,
                    AttributionEvents.of(conversion, rows, causeEventId)));
        }
    }
}
