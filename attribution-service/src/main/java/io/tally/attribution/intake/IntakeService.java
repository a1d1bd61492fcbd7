package io.tally.attribution.intake;

import java.util.List;

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
        LedgerLock.Held held = ledgerLock.forCrediting();
        IdentityGraph.Resolution profile = identities.resolve(event.identifiers(), event.eventId(),
                Trust.orUnverified(event.trust()));
        if (touchpoints.existsByEventId(event.eventId())) {
            return false;
        }
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
        touch.profileId = profile.profileId();
        touchpoints.persistAndFlush(touch);

        if (profile.merged()) {
            recredit(held, conversions.ofProfile(profile.profileId()), event.eventId(), CreditReason.IDENTITY_MERGE);
        } else if (WebSessions.withPageViews(weighting.eligibleInteractions()).contains(touch.interactionType)) {
            // a late page view may also change which later visits start a session
            recredit(held, conversions.ofProfile(profile.profileId(), event.occurredAt(),
                    event.occurredAt().plus(JourneyAssembler.MAX_LOOKBACK)), event.eventId(), CreditReason.LATE_TOUCH);
        }
        return true;
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
        LedgerLock.Held held = ledgerLock.forCrediting();
        Trust trust = Trust.orUnverified(event.trust());
        IdentityGraph.Resolution profile = identities.resolve(event.identifiers(), event.eventId(), trust);
        locks.lock(orderLock(event.orderId())); // so a refund of the order is applied exactly once
        if (conversions.existsByEventId(event.eventId())) {
            return restate(held, event, trust);
        }
        ConversionEntity conversion = new ConversionEntity();
        conversion.eventId = event.eventId();
        conversion.orderId = event.orderId();
        conversion.occurredAt = event.occurredAt();
        conversion.revenueMinor = event.revenue().toMinorUnits();
        conversion.currency = event.revenue().currency();
        conversion.couponCode = TrackingCodes.normalise(event.couponCode());
        conversion.source = event.source();
        conversion.trust = trust.wireName();
        conversion.identity = IdentityColumns.of(event.identifiers());
        conversion.profileId = profile.profileId();
        conversions.persistAndFlush(conversion);
        creditService.credit(held, conversion, event.eventId(), CreditReason.CONVERSION);
        if (profile.merged()) {
            List<String> others = conversions.ofProfile(profile.profileId()).stream()
                    .filter(id -> !id.equals(event.eventId())).toList();
            recredit(held, others, event.eventId(), CreditReason.IDENTITY_MERGE);
        }
        return true;
    }

    /**
     * Joins the link's identifiers into one profile; when that merges profiles, their conversions are re-credited.
     * Idempotent by nature: a link already known changes nothing.
     *
     * @return true when profiles merged
     */
    @Transactional
    public boolean recordIdentityLink(IdentityLink event) {
        LedgerLock.Held held = ledgerLock.forCrediting();
        IdentityGraph.Resolution profile = identities.resolve(event.identifiers(), event.eventId(),
                Trust.orUnverified(event.trust()));
        if (profile.merged()) {
            recredit(held, conversions.ofProfile(profile.profileId()), event.eventId(), CreditReason.IDENTITY_MERGE);
        }
        return profile.merged();
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

    private void recredit(LedgerLock.Held held, List<String> conversionIds, String causeEventId, CreditReason reason) {
        for (ConversionEntity conversion : conversions.lockAll(conversionIds)) {
            creditService.credit(held, conversion, causeEventId, reason);
        }
    }
}
