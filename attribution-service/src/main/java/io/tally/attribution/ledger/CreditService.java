package io.tally.attribution.ledger;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.tally.attribution.directory.ResolvedTouch;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.intake.AdjustmentRepository;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.journeys.JourneyAssembler;
import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.CreditSplitter;
import io.tally.attribution.models.JourneyTouch;
import io.tally.attribution.observability.PipelineMetrics;
import io.tally.events.Channel;
import io.tally.events.ModelSettings;

/**
 * Credits a conversion under every enabled model. The first time, it posts {@code original} rows; afterwards (a late
 * touch, an identity merge, a moved tracking code, a refund) it posts only the {@code adjustment} rows that take the
 * ledger from what the conversion holds to what it should hold ({@link LedgerPosting}). Running it twice on the same
 * facts posts nothing. Every call needs the {@link LedgerLock} held in the caller's transaction.
 */
@ApplicationScoped
public class CreditService {

    @Inject
    LedgerLock lock;
    @Inject
    AccountingPeriods periods;
    @Inject
    RevenueJournal journal;
    @Inject
    CreditRepository credits;
    @Inject
    AdjustmentRepository adjustments;
    @Inject
    JourneyAssembler journeys;
    @Inject
    ModelCatalogue catalogue;
    @Inject
    LedgerPosting posting;
    @Inject
    TouchResolver resolver;
    @Inject
    TransactionSynchronizationRegistry transaction;
    @Inject
    PipelineMetrics metrics;

    /** A conversion to credit, why, and whether it was stored just now (then it holds no credit and no journal yet). */
    public record Crediting(ConversionEntity conversion, String causeEventId, CreditReason reason, boolean fresh) {
    }

    /**
     * Brings the conversion's credit up to date: its net revenue (revenue less refunds; nothing once cancelled or fully
     * refunded) split over its journey under every enabled model, with the model settings of the programme that
     * governs the journey ({@link #governingProgramme}).
     *
     * @param held the ledger lock, taken in this transaction
     * @param causeEventId the event that made it necessary, recorded in the rows' entry id
     * @param reason why, recorded with the rows
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void credit(LedgerLock.Held held, ConversionEntity conversion, String causeEventId, CreditReason reason) {
        creditAll(held, List.of(new Crediting(conversion, causeEventId, reason, false)));
    }

    /**
     * Brings a batch of conversions' credit up to date, as {@link #credit} does each, with a few queries for the whole
     * batch (journeys, campaigns, positions, refunds, journal, periods) and one insert each for its ledger rows, journal
     * entries and outbox events. A conversion listed twice is credited once, for the last of its causes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void creditAll(LedgerLock.Held held, List<Crediting> work) {
        lock.check(held);
        Map<String, Crediting> once = new LinkedHashMap<>();
        work.forEach(c -> once.put(c.conversion().eventId, c));
        post(List.copyOf(once.values()), false);
    }

    /**
     * Replaces the revenue an order was booked with by what a verified source states (see the README, "Source
     * trust"): the booking is corrected in the revenue journal (a booking entry for the difference, or, when the
     * currency differs, a reversal of the old booking and a booking in the new currency), and the credit rows follow
     * as adjustments ({@link CreditReason#RESTATEMENT}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restate(LedgerLock.Held held, ConversionEntity conversion, long revenueMinor, String currency,
            String causeEventId) {
        lock.check(held);
        String period = periods.postingPeriod(natural(conversion));
        if (!currency.equals(conversion.currency)) {
            Long booked = journal.netOf(conversion.eventId);
            journal.post(conversion, "booking", -(booked == null ? conversion.revenueMinor : booked), period);
            // every row reversed
            post(List.of(new Crediting(conversion, causeEventId + ":reversal", CreditReason.RESTATEMENT, false)),
                    true);
            conversion.currency = currency;
            conversion.revenueMinor = revenueMinor;
            journal.post(conversion, "booking", revenueMinor, period);
        } else {
            journal.post(conversion, "booking", revenueMinor - conversion.revenueMinor, period);
            conversion.revenueMinor = revenueMinor;
        }
        post(List.of(new Crediting(conversion, causeEventId, CreditReason.RESTATEMENT, false)), false);
    }

    /** Credits each conversion of the batch (all its rows reversed when {@code reverseAll}), and writes the postings. */
    private void post(List<Crediting> work, boolean reverseAll) {
        if (work.isEmpty()) {
            return;
        }
        List<ConversionEntity> conversions = work.stream().map(Crediting::conversion).toList();
        List<String> known = work.stream().filter(c -> !c.fresh()).map(c -> c.conversion().eventId).toList();
        Map<AdjustmentRepository.OrderCurrency, AdjustmentRepository.Totals> adjusted = adjustments
                .totalsOf(conversions.stream().map(c -> c.orderId).toList());
        Map<String, List<ResolvedTouch>> journeysById = journeys.journeysOf(conversions);
        Map<String, Map<String, List<CreditPosition>>> positions = credits.positionsByModel(known);
        Map<String, Long> journaled = journal.netsOf(known);
        AccountingPeriods.PostingPeriods postingPeriods = periods.postingPeriods();
        LedgerPosting.Postings postings = new LedgerPosting.Postings();
        for (Crediting c : work) {
            ConversionEntity conversion = c.conversion();
            AdjustmentRepository.Totals totals = adjusted.getOrDefault(
                    new AdjustmentRepository.OrderCurrency(conversion.orderId, conversion.currency),
                    AdjustmentRepository.Totals.NONE);
            apply(postings, c, totals, journeysById.get(conversion.eventId),
                    positions.getOrDefault(conversion.eventId, Map.of()), journaled.get(conversion.eventId),
                    postingPeriods.of(natural(conversion)), reverseAll);
        }
        posting.write(postings);
        int credited = work.size();
        int rows = postings.rows.size();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted once committed
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metrics.credited(credited, rows);
                }
            }
        });
    }

    private void apply(LedgerPosting.Postings postings, Crediting c, AdjustmentRepository.Totals adjusted,
            List<ResolvedTouch> journey, Map<String, List<CreditPosition>> positions, Long journaled, String period,
            boolean reverseAll) {
        ConversionEntity conversion = c.conversion();
        long net = Math.max(0, conversion.revenueMinor - adjusted.refundedMinor());
        boolean voided = reverseAll || adjusted.cancelled() || (conversion.revenueMinor > 0 && net == 0);
        List<JourneyTouch> touches = journey.stream()
                .map(t -> new JourneyTouch(t.occurredAt(), Channel.fromWireName(t.channel()).orElse(Channel.OTHER),
                        t.kind(), t.weight()))
                .toList();
        ModelSettings settings = resolver.settingsOf(governingProgramme(journey));
        if (!reverseAll) {
            postings.entries.addAll(RevenueJournal.toBring(conversion, journaled, voided ? 0 : net,
                    adjusted.cancelled(), period));
        }
        for (String name : catalogue.enabledModels()) {
            Optional<? extends AttributionModel> found = catalogue.crediting(name, settings);
            if (found.isEmpty()) {
                continue; // a data-driven model before its first training
            }
            AttributionModel model = found.get();
            Map<CreditPosition.Key, LedgerPosting.Amounts> target = voided
                    ? Map.of()
                    : LedgerPosting.target(CreditSplitter.split(model, net, touches, conversion.occurredAt), journey);
            posting.post(postings, conversion, model, target, positions.getOrDefault(model.name(), List.of()),
                    c.causeEventId(), c.reason(), period);
        }
    }

    /**
     * The programme whose model settings credit the journey: that of its last touch resolving to a programme (the one
     * that closed the sale, coupon included); null when no touch does (the deployment's settings then).
     */
    static UUID governingProgramme(List<ResolvedTouch> journey) {
        for (int i = journey.size() - 1; i >= 0; i--) {
            if (journey.get(i).programmeId() != null) {
                return journey.get(i).programmeId();
            }
        }
        return null;
    }

    private static YearMonth natural(ConversionEntity conversion) {
        return YearMonth.from(conversion.occurredAt.atOffset(ZoneOffset.UTC));
    }
}
