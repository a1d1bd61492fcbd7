package io.tally.attribution.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.repository.ConversionEntity;
import io.tally.attribution.repository.ConversionRepository;
import io.tally.attribution.repository.IdentityColumns;
import io.tally.attribution.repository.IdentityLocks;
import io.tally.attribution.repository.TouchpointEntity;
import io.tally.attribution.repository.TouchpointRepository;
import io.tally.events.Conversion;
import io.tally.events.Touchpoint;

/**
 * Takes touchpoints and conversions in, once each (idempotent on event id), and keeps their customers' credit current:
 * a conversion is credited when it arrives, and a touchpoint that arrives after a conversion it belongs to re-credits
 * that conversion through adjustments.
 */
@ApplicationScoped
public class IntakeService {

    @Inject
    IdentityLocks locks;
    @Inject
    TouchpointRepository touchpoints;
    @Inject
    ConversionRepository conversions;
    @Inject
    CreditService creditService;
    @Inject
    AttributionConfig config;

    /** Stores the touchpoint; returns false when its event id was seen before (nothing changes then). */
    @Transactional
    public boolean recordTouchpoint(Touchpoint event) {
        locks.lock(event.identifiers());
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
        touch.campaignCode = event.campaignCode();
        touch.url = event.url();
        touch.identity = IdentityColumns.of(event.identifiers());
        touchpoints.persistAndFlush(touch);

        if (config.eligibleInteractions().contains(touch.interactionType)) {
            List<String> late = conversions.ofCustomer(event.identifiers(), event.occurredAt(),
                    event.occurredAt().plus(CreditService.MAX_LOOKBACK)).stream().map(c -> c.eventId).toList();
            for (ConversionEntity conversion : conversions.lockAll(late)) {
                creditService.credit(conversion, event.eventId());
            }
        }
        return true;
    }

    /** Stores and credits the conversion; returns false when its event id was seen before (nothing changes then). */
    @Transactional
    public boolean recordConversion(Conversion event) {
        locks.lock(event.identifiers());
        if (conversions.existsByEventId(event.eventId())) {
            return false;
        }
        ConversionEntity conversion = new ConversionEntity();
        conversion.eventId = event.eventId();
        conversion.orderId = event.orderId();
        conversion.occurredAt = event.occurredAt();
        conversion.revenueMinor = event.revenue().toMinorUnits();
        conversion.currency = event.revenue().currency();
        conversion.couponCode = event.couponCode();
        conversion.source = event.source();
        conversion.identity = IdentityColumns.of(event.identifiers());
        conversions.persistAndFlush(conversion);
        creditService.credit(conversion, event.eventId());
        return true;
    }
}
