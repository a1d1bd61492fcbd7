package io.tally.attribution.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.directory.TouchWeighting;
import io.tally.attribution.identity.IdentityColumns;
import io.tally.attribution.identity.IdentityGraph;
import io.tally.attribution.journeys.JourneyAssembler;
import io.tally.attribution.journeys.WebSessions;
import io.tally.attribution.ledger.AdvisoryLocks;
import io.tally.attribution.ledger.CreditReason;
import io.tally.attribution.ledger.CreditService;
import io.tally.attribution.ledger.LedgerLock;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.IdentityLink;
import io.tally.events.Touchpoint;
import io.tally.events.TrackingCodes;
import io.tally.events.Trust;
import io.tally.events.validation.InvalidEventException;
import io.tally.events.validation.Violation;

/**
 * Takes touchpoints, conversions, identity links and order adjustments in, once each (idempotent on event id), and keeps
 * the ledger current:
 * <ul>
 * <li>a conversion is credited when it arrives;</li>
 * <li>a touchpoint that arrives after a conversion it belongs to re-credits that conversion;</li>
 * <li>an event that joins two profiles (any event with identifiers, or an {@link IdentityLink}) re-credits the merged
 * profile's conversions, whose journeys now include the other profile's touches;</li>
 * <li>a refund or cancellation re-credits its order's conversions with the net revenue.</li>
 * </ul>
 * Every change after the first credit is posted as adjustment rows (see {@link CreditService}).
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    @Inject
    IdentityGraph identities;
    @Inject
    AdvisoryLocks locks;
    @Inject
    TouchpointRepository touchpoints;
    @Inject
    ConversionRepository conversions;
    @Inject
    AdjustmentRepository adjustments;
    @Inject
    CreditService creditService;
    @Inject
    LedgerLock ledgerLock;
    @Inject
    AttributionConfig config;
    @Inject
    TouchWeighting weighting;

    /** Stores the touchpoint; returns false when its event id was seen before (nothing changes then). */
    @Transactional
    public boolean recordTouchpoint(Touchpoint event) {
        return recordTouchpoints(List.of(event)) == 1;
    }

    /**
     * Stores a batch of touchpoints, those whose event id was not seen before, and re-credits the conversions they
     * change: all of a profile's when a touch merged profiles, else those a touch may belong to (a late touch).
     *
     * @return how many were stored
     */
    @Transactional
    public int recordTouchpoints(List<Touchpoint> events) {
        LedgerLock.Held held = ledgerLock.forCrediting();
        List<IdentityGraph.Resolution> profiles = identities.resolveAll(events.stream()
                .map(e -> new IdentityGraph.Request(e.identifiers(), e.eventId(), Trust.orUnverified(e.trust())))
                .toList());
        List<TouchpointEntity> touches = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            touches.add(touchOf(events.get(i), profiles.get(i).profileId()));
        }
        Set<String> stored = touchpoints.insertNew(touches);
        Map<String, Cause> recredit = new LinkedHashMap<>();
        List<String> touchKinds = WebSessions.withPageViews(weighting.eligibleInteractions());
        List<ConversionRepository.TouchAt> late = new ArrayList<>();
        for (int i = 0; i < touches.size(); i++) {
            TouchpointEntity touch = touches.get(i);
            if (!stored.contains(touch.eventId)) {
                continue;
            }
            if (profiles.get(i).merged()) {
                mergedInto(touch.profileId, touch.eventId, recredit);
            } else if (touchKinds.contains(touch.interactionType)) {
                // a late touch; a late page view may also change which later visits start a session
                late.add(new ConversionRepository.TouchAt(touch.profileId, touch.occurredAt, touch.eventId));
            }
        }
        conversions.reachedBy(late, JourneyAssembler.MAX_LOOKBACK)
                .forEach((conversion, cause) -> recredit.putIfAbsent(conversion,
                        new Cause(cause, CreditReason.LATE_TOUCH)));
        recredit(held, recredit);
        return stored.size();
    }

    /**
     * Stores and credits the conversion. When its event id was seen before, nothing changes, except that a verified
     * statement of an order replaces an unverified one (its revenue and currency, through {@link CreditService#restate});
     * an unverified statement never replaces anything.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean recordConversion(Conversion event) {
        return recordConversions(List.of(event)) == 1;
    }

    /**
     * Stores and credits a batch of conversions as {@link #recordConversion} does each; when one merged profiles, the
     * merged profile's other conversions are re-credited.
     *
     * @return how many changed anything
     */
    @Transactional
    public int recordConversions(List<Conversion> events) {
        LedgerLock.Held held = ledgerLock.forCrediting();
        List<IdentityGraph.Resolution> profiles = identities.resolveAll(events.stream()
                .map(e -> new IdentityGraph.Request(e.identifiers(), e.eventId(), Trust.orUnverified(e.trust())))
                .toList());
        // so that a refund of an order is applied exactly once
        locks.lockAll(events.stream().map(e -> orderLock(e.orderId())).toList());
        List<ConversionEntity> entities = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            entities.add(conversionOf(events.get(i), profiles.get(i).profileId()));
        }
        Set<String> stored = conversions.insertNew(entities);
        List<CreditService.Crediting> credit = new ArrayList<>();
        Map<String, Cause> recredit = new LinkedHashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            ConversionEntity conversion = entities.get(i);
            if (stored.contains(conversion.eventId)) {
                credit.add(new CreditService.Crediting(conversion, conversion.eventId, CreditReason.CONVERSION, true));
            }
            if (profiles.get(i).merged()) {
                mergedInto(conversion.profileId, conversion.eventId, recredit);
            }
        }
        stored.forEach(recredit::remove); // credited with the merged journey already
        creditService.creditAll(held, credit);
        recredit(held, recredit);
        int changed = stored.size();
        for (Conversion event : events) {
            if (!stored.contains(event.eventId()) && restate(held, event, Trust.orUnverified(event.trust()))) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Joins the link's identifiers into one profile; when that merges profiles, their conversions are re-credited.
     * Idempotent by nature: a link already known changes nothing.
     *
     * @return true when profiles merged
     */
    @Transactional
    public boolean recordIdentityLink(IdentityLink event) {
        return recordIdentityLinks(List.of(event)) == 1;
    }

    /**
     * Joins each link's identifiers as {@link #recordIdentityLink} does, re-crediting the conversions of the profiles
     * that merged.
     *
     * @return how many links merged profiles
     */
    @Transactional
    public int recordIdentityLinks(List<IdentityLink> events) {
        LedgerLock.Held held = ledgerLock.forCrediting();
        List<IdentityGraph.Resolution> profiles = identities.resolveAll(events.stream()
                .map(e -> new IdentityGraph.Request(e.identifiers(), e.eventId(), Trust.orUnverified(e.trust())))
                .toList());
        Map<String, Cause> recredit = new LinkedHashMap<>();
        int merged = 0;
        for (int i = 0; i < events.size(); i++) {
            if (profiles.get(i).merged()) {
                mergedInto(profiles.get(i).profileId(), events.get(i).eventId(), recredit);
                merged++;
            }
        }
        recredit(held, recredit);
        return merged;
    }

    /** Stores the refunds and cancellations as {@link #recordAdjustment} does each; returns how many were stored. */
    @Transactional
    public int recordAdjustments(List<ConversionAdjustment> events) {
        int stored = 0;
        for (ConversionAdjustment event : events) {
            stored += recordAdjustment(event) ? 1 : 0;
        }
        return stored;
    }

    /**
     * Stores a refund or cancellation and re-credits the order's conversions in its currency with their net revenue; an
     * adjustment that arrives before its order is applied when the order arrives. Returns false when its event id was
     * seen before.
     *
     * @throws InvalidEventException when the order is known only in another currency, or the refund comes from an
     *         unverified source (the open collector cannot refund)
     */
    @Transactional
    public boolean recordAdjustment(ConversionAdjustment event) {
        if (Trust.orUnverified(event.trust()) != Trust.VERIFIED) {
            throw new InvalidEventException(List.of(new Violation("trust", "only a verified source (a signed webhook,"
                    + " an authenticated import) may refund or cancel an order")));
        }
        LedgerLock.Held held = ledgerLock.forCrediting();
        locks.lock(orderLock(event.orderId()));
        if (adjustments.existsByEventId(event.eventId())) {
            return false;
        }
        List<ConversionEntity> orders = conversions.lockAll(conversions.ofOrder(event.orderId()));
        String currency = event.amount().currency();
        List<ConversionEntity> matching = orders.stream().filter(c -> c.currency.equals(currency)).toList();
        if (!orders.isEmpty() && matching.isEmpty()) {
            throw new InvalidEventException(List.of(new Violation("amount.currency",
                    "order " + event.orderId() + " was booked in " + orders.get(0).currency + ", not " + currency)));
        }
        AdjustmentEntity adjustment = new AdjustmentEntity();
        adjustment.eventId = event.eventId();
        adjustment.orderId = event.orderId();
        adjustment.occurredAt = event.occurredAt();
        adjustment.kind = event.kind().wireName();
        adjustment.amountMinor = event.amount().toMinorUnits();
        adjustment.currency = currency;
        adjustment.reason = event.reason();
        adjustments.persistAndFlush(adjustment);
        CreditReason reason = event.kind() == ConversionAdjustment.Kind.CANCELLATION
                ? CreditReason.CANCELLATION
                : CreditReason.REFUND;
        for (ConversionEntity conversion : matching) {
            AdjustmentRepository.Totals totals = adjustments.totalsOf(conversion.orderId, conversion.currency);
            if (totals.refundedMinor() > conversion.revenueMinor) {
                LOG.warnf("refunds of order %s (%d minor units of %s) exceed its revenue (%d); credited as fully"
                        + " refunded", conversion.orderId, totals.refundedMinor(), currency, conversion.revenueMinor);
            }
            creditService.credit(held, conversion, event.eventId(), reason);
        }
        return true;
    }

    /** A verified statement of an order replaces an unverified one; anything else is a repeat. */
    private boolean restate(LedgerLock.Held held, Conversion event, Trust trust) {
        ConversionEntity known = conversions.lockAll(List.of(event.eventId())).get(0);
        if (trust != Trust.VERIFIED || !Trust.UNVERIFIED.wireName().equals(known.trust)) {
            return false;
        }
        long revenue = event.revenue().toMinorUnits();
        LOG.infof("order %s: verified revenue %d %s (source %s) replaces the unverified %d %s", known.orderId, revenue,
                event.revenue().currency(), event.source(), known.revenueMinor, known.currency);
        known.trust = trust.wireName();
        known.source = event.source();
        if (event.couponCode() != null) {
            known.couponCode = TrackingCodes.normalise(event.couponCode());
        }
        creditService.restate(held, known, revenue, event.revenue().currency(), event.eventId());
        return true;
    }

    /**
     * The lock a conversion and the refunds of its order share: without it, a refund stored while its order is being
     * stored would be seen by neither transaction.
     */
    private static String orderLock(String orderId) {
        return "order:" + orderId;
    }

    /** Why a conversion is re-credited: the event that changed it, and how. */
    private record Cause(String eventId, CreditReason reason) {
    }

    /** Every conversion of the profile {@code causeEventId} merged others into is to be re-credited. */
    private void mergedInto(long profileId, String causeEventId, Map<String, Cause> recredit) {
        for (String conversion : conversions.ofProfile(profileId)) {
            recredit.put(conversion, new Cause(causeEventId, CreditReason.IDENTITY_MERGE));
        }
    }

    /** Re-credits the conversions, locked in event-id order, each for its cause; in one batch. */
    private void recredit(LedgerLock.Held held, Map<String, Cause> causes) {
        List<CreditService.Crediting> work = new ArrayList<>();
        for (ConversionEntity conversion : conversions.lockAll(causes.keySet())) {
            Cause cause = causes.get(conversion.eventId);
            work.add(new CreditService.Crediting(conversion, cause.eventId(), cause.reason(), false));
        }
        creditService.creditAll(held, work);
    }

    private static TouchpointEntity touchOf(Touchpoint event, long profileId) {
        TouchpointEntity touch = new TouchpointEntity();
        touch.eventId = event.eventId();
        touch.occurredAt = event.occurredAt();
        touch.channel = event.channel().wireName();
        touch.interactionType = event.interactionType().wireName();
        touch.source = event.source();
        touch.medium = event.medium();
        touch.campaignCode = TrackingCodes.normalise(event.campaignCode());
        touch.url = event.url();
        touch.identity = IdentityColumns.of(event.identifiers());
        touch.profileId = profileId;
        return touch;
    }

    private static ConversionEntity conversionOf(Conversion event, long profileId) {
        ConversionEntity conversion = new ConversionEntity();
        conversion.eventId = event.eventId();
        conversion.orderId = event.orderId();
        conversion.occurredAt = event.occurredAt();
        conversion.revenueMinor = event.revenue().toMinorUnits();
        conversion.currency = event.revenue().currency();
        conversion.couponCode = TrackingCodes.normalise(event.couponCode());
        conversion.source = event.source();
        conversion.trust = Trust.orUnverified(event.trust()).wireName();
        conversion.identity = IdentityColumns.of(event.identifiers());
        conversion.profileId = profileId;
        return conversion;
    }
}
