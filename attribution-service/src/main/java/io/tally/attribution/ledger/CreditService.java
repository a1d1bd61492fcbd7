package io.tally.attribution.ledger;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.directory.ResolvedTouch;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.intake.AdjustmentRepository;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.intake.TouchpointEntity;
import io.tally.attribution.intake.TouchpointRepository;
import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.CreditSplitter;
import io.tally.attribution.models.JourneyTouch;
import io.tally.attribution.models.ModelRegistry;
import io.tally.attribution.training.TrainedModels;
import io.tally.events.Channel;
import io.tally.events.Topics;
import io.tally.outbox.Outbox;

/**
 * Credits a conversion under every enabled model. The first time, it posts {@code original} rows; afterwards (a late
 * touch, an identity merge, a moved tracking code, a refund) it posts only the {@code adjustment} rows that take the
 * ledger from what the conversion holds to what it should hold. Rows are never rewritten, and running it twice on the
 * same facts posts nothing. Each posting of one conversion under one model is also written to the outbox as an
 * {@code Attribution} event (in the same transaction), for the campaign service and any other subscriber.
 */
@ApplicationScoped
public class CreditService {

    /** The longest lookback a programme may set; journeys are read this far back and then cut per programme. */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(90);

    /** Keeps crediting and changes of tracking codes apart: see {@link #beginCrediting()}. */
    private static final String TRACKING_CODES_LOCK = "tracking-codes";

    @Inject
    AccountingPeriods periods;
    @Inject
    RevenueJournal journal;
    @Inject
    LedgerRollup rollup;
    @Inject
    TouchpointRepository touchpoints;
    @Inject
    CreditRepository credits;
    @Inject
    AdjustmentRepository adjustments;
    @Inject
    TouchResolver resolver;
    @Inject
    AttributionConfig config;
    @Inject
    Outbox outbox;
    @Inject
    TrainedModels trained;
    @Inject
    AdvisoryLocks locks;

    private ModelRegistry registry;

    @PostConstruct
    void configureModels() {
        registry = ModelRegistries.fromConfig(config);
        for (String name : config.models()) {
            if (registry.find(name).isEmpty() && !TrainedModels.NAMES.contains(name)) {
                throw new IllegalStateException("tally.attribution.models names an unknown model: " + name
                        + " (known: " + registry.names() + ", " + TrainedModels.NAMES + ")");
            }
        }
    }

    /**
     * Brings the conversion's credit up to date: its net revenue (revenue less refunds; nothing once cancelled or fully
     * refunded) split over its journey under every enabled model.
     *
     * @param causeEventId the event that made it necessary, recorded in the rows' entry id
     * @param reason why, recorded with the rows
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void credit(ConversionEntity conversion, String causeEventId, CreditReason reason) {
        apply(conversion, causeEventId, reason, false);
    }

    /**
     * Replaces the revenue an order was booked with by what a verified source states (see the README, "Source
     * trust"): the booking is corrected in the revenue journal (a booking entry for the difference, or, when the
     * currency differs, a reversal of the old booking and a booking in the new currency), and the credit rows follow
     * as adjustments ({@link CreditReason#RESTATEMENT}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restate(ConversionEntity conversion, long revenueMinor, String currency, String causeEventId) {
        String period = periods.postingPeriod(YearMonth.from(conversion.occurredAt.atOffset(ZoneOffset.UTC)));
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
        List<ResolvedTouch> journey = journeyOf(conversion);
        List<JourneyTouch> touches = journey.stream()
                .map(t -> new JourneyTouch(t.occurredAt(), Channel.fromWireName(t.channel()).orElse(Channel.OTHER)))
                .toList();
        Map<String, List<CreditPosition>> positions = credits.positionsByModel(conversion.eventId);
        String period = periods.postingPeriod(YearMonth.from(conversion.occurredAt.atOffset(ZoneOffset.UTC)));
        if (!reverseAll) {
            journal(conversion, voided ? 0 : net, adjusted.cancelled(), period);
        }
        for (String name : config.models()) {
            Optional<? extends AttributionModel> found = registry.find(name).or(() -> trained.current(name));
            if (found.isEmpty()) {
                continue; // a data-driven model before its first training
            }
            AttributionModel model = found.get();
            Map<CreditPosition.Key, long[]> target = voided
                    ? Map.of()
                    : target(CreditSplitter.split(model, net, touches, conversion.occurredAt), journey);
            post(conversion, model, target, positions.getOrDefault(model.name(), List.of()), causeEventId, reason,
                    period);
        }
    }

    /**
     * Brings the conversion's revenue journal to its net revenue now: a booking of its revenue the first time, then
     * an entry for each change (a refund or cancellation lowers it, a restore raises it), into {@code period}. Posted
     * with the credit rows, so per period the journal and each model's ledger rows sum to the same net revenue.
     */
    private void journal(ConversionEntity conversion, long netNow, boolean cancelled, String period) {
        Long journaled = journal.netOf(conversion.eventId);
        long current = journaled == null ? conversion.revenueMinor : journaled;
        if (journaled == null) {
            journal.post(conversion, "booking", conversion.revenueMinor, period);
        }
        long delta = netNow - current;
        if (delta != 0) {
            String kind = delta > 0 ? "restore" : cancelled ? "cancellation" : "refund";
            journal.post(conversion, kind, delta, period);
        }
    }

    /**
     * Called first in every transaction that may credit. Credit resolves touches to campaigns through the tracking
     * codes, and a code change re-credits the conversions already credited through its codes; without a common lock, a
     * conversion credited while a code change commits would be seen by neither and keep its old campaign for good. So
     * crediting transactions hold the codes lock shared (they run side by side) and a code change holds it exclusively
     * ({@link #beginCodeChange()}): it waits for the credits in flight to commit, and credits that start meanwhile wait
     * for it and then read the new codes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beginCrediting() {
        locks.lockShared(TRACKING_CODES_LOCK);
    }

    /** Called first in a transaction that changes tracking codes; see {@link #beginCrediting()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beginCodeChange() {
        locks.lock(TRACKING_CODES_LOCK);
    }

    /** Model names this service credits, in configuration order. */
    public List<String> enabledModels() {
        return config.models();
    }

    /** A rule-based model by name, with its configured parameters. */
    public AttributionModel model(String name) {
        return registry.find(name).orElseThrow(() -> new IllegalArgumentException("unknown model " + name));
    }

    /** Every rule-based model this release knows. */
    public List<String> knownModels() {
        return registry.names();
    }

    /** Every model that can hold credit in the ledger: the rule-based ones, then the data-driven ones. */
    public List<String> ledgerModels() {
        List<String> names = new ArrayList<>(registry.names());
        names.addAll(TrainedModels.NAMES);
        return names;
    }

    private List<ResolvedTouch> journeyOf(ConversionEntity conversion) {
        List<TouchpointEntity> candidates = touchpoints.journey(conversion.profileId,
                conversion.occurredAt.minus(MAX_LOOKBACK), conversion.occurredAt, config.eligibleInteractions());
        List<ResolvedTouch> journey = new ArrayList<>();
        for (TouchpointEntity touch : candidates) {
            ResolvedTouch resolved = resolver.resolve(touch);
            if (!touch.occurredAt.isBefore(conversion.occurredAt.minus(Duration.ofDays(resolved.lookbackDays())))) {
                journey.add(resolved);
            }
        }
        resolver.coupon(conversion).ifPresent(journey::add); // redeemed at the purchase: the journey's last touch
        return journey;
    }

    private static Map<CreditPosition.Key, long[]> target(List<CreditSplitter.Share> shares,
            List<ResolvedTouch> journey) {
        Map<CreditPosition.Key, long[]> target = new LinkedHashMap<>();
        for (CreditSplitter.Share share : shares) {
            if (share.amountMinor() == 0 && share.conversionUnits() == 0) {
                continue;
            }
            CreditPosition.Key key;
            if (share.unattributed()) {
                key = new CreditPosition.Key(null, null, null, null);
            } else {
                ResolvedTouch t = journey.get(share.touchIndex());
                key = new CreditPosition.Key(t.eventId(), t.channel(), t.campaignId(), t.programmeId());
            }
            target.put(key, new long[]{share.amountMinor(), share.conversionUnits()});
        }
        return target;
    }

    private void post(ConversionEntity conversion, AttributionModel model, Map<CreditPosition.Key, long[]> target,
            List<CreditPosition> positions, String causeEventId, CreditReason reason, String period) {
        Map<CreditPosition.Key, long[]> current = new HashMap<>();
        for (CreditPosition p : positions) {
            current.put(p.key(), new long[]{p.amountMinor(), p.conversionUnits()});
        }
        boolean original = current.isEmpty();
        Set<CreditPosition.Key> keys = new LinkedHashSet<>(current.keySet());
        keys.addAll(target.keySet());
        List<CreditEntity> rows = new ArrayList<>();
        for (CreditPosition.Key key : keys) {
            long[] want = target.getOrDefault(key, new long[2]);
            long[] have = current.getOrDefault(key, new long[2]);
            long amount = want[0] - have[0];
            long units = want[1] - have[1];
            if (amount == 0 && units == 0) {
                continue;
            }
            CreditEntity row = new CreditEntity();
            row.entryKind = original ? "original" : "adjustment";
            row.entryId = (original ? "original:" + conversion.eventId : "adjustment:" + causeEventId) + ":"
                    + model.name();
            row.conversionEventId = conversion.eventId;
            row.conversionAt = conversion.occurredAt;
            row.model = model.name();
            row.modelVersion = model.version();
            row.touchpointEventId = key.touchpointEventId();
            row.channel = key.channel();
            row.campaignId = key.campaignId();
            row.programmeId = key.programmeId();
            row.amountMinor = amount;
            row.currency = conversion.currency;
            row.conversionUnits = units;
            row.reason = reason.wireName();
            row.period = period;
            credits.persist(row);
            rollup.add(row);
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            outbox.append(Topics.ATTRIBUTIONS, conversion.eventId,
                    AttributionEvents.of(conversion, rows, causeEventId));
        }
    }
}
