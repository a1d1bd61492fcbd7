package io.tally.attribution.ledger;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.directory.ResolvedTouch;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.intake.AdjustmentRepository;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.journeys.JourneyAssembler;
import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.CreditSplitter;
import io.tally.attribution.models.JourneyTouch;
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
        lock.check(held);
        apply(conversion, causeEventId, reason, false);
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
        String period = postingPeriod(conversion);
        if (!currency.equals(conversion.currency)) {
            Long booked = journal.netOf(conversion.eventId);
            journal.post(conversion, "booking", -(booked == null ? conversion.revenueMinor : booked), period);
            apply(conversion, causeEventId + ":reversal", CreditReason.RESTATEMENT, true); // every row reversed
            conversion.currency = currency;
            conversion.revenueMinor = revenueMinor;
            journal.post(conversion, "booking", revenueMinor, period);
        } else {
            journal.post(conversion, "booking", revenueMinor - conversion.revenueMinor, period);
            conversion.revenueMinor = revenueMinor;
        }
        apply(conversion, causeEventId, CreditReason.RESTATEMENT, false);
    }

    private void apply(ConversionEntity conversion, String causeEventId, CreditReason reason, boolean reverseAll) {
        AdjustmentRepository.Totals adjusted = adjustments.totalsOf(conversion.orderId, conversion.currency);
        long net = Math.max(0, conversion.revenueMinor - adjusted.refundedMinor());
        boolean voided = reverseAll || adjusted.cancelled() || (conversion.revenueMinor > 0 && net == 0);
        List<ResolvedTouch> journey = journeys.journeyOf(conversion);
        List<JourneyTouch> touches = journey.stream()
                .map(t -> new JourneyTouch(t.occurredAt(), Channel.fromWireName(t.channel()).orElse(Channel.OTHER),
                        t.kind(), t.weight()))
                .toList();
        ModelSettings settings = resolver.settingsOf(governingProgramme(journey));
        Map<String, List<CreditPosition>> positions = credits.positionsByModel(conversion.eventId);
        String period = postingPeriod(conversion);
        if (!reverseAll) {
            journal.bringTo(conversion, voided ? 0 : net, adjusted.cancelled(), period);
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
            posting.post(conversion, model, target, positions.getOrDefault(model.name(), List.of()), causeEventId,
                    reason, period);
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

    private String postingPeriod(ConversionEntity conversion) {
        return periods.postingPeriod(YearMonth.from(conversion.occurredAt.atOffset(ZoneOffset.UTC)));
    }
}
