package io.tally.attribution.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.IdentityLink;
import io.tally.events.Touchpoint;
import io.tally.support.messaging.EventIntake;

/**
 * Consumes the topics that build journeys and their credit: touchpoints, conversions, identity links, refunds.
 *
 * <p>
 * Records are processed concurrently, on the {@value #WORKERS} worker pool
 * ({@code smallrye.messaging.worker.journey-workers.max-concurrency}), not one at a time: the ledger does not depend on
 * the order events arrive in (advisory locks serialise events of one customer or order, and a late event re-credits),
 * and offsets are committed only up to the last record of a partition whose predecessors are all processed.
 */
@ApplicationScoped
public class JourneyEventConsumer {

    /** The worker pool the consumers share. */
    static final String WORKERS = "journey-workers";

    @Inject
    EventIntake intake;
    @Inject
    IntakeService service;

    @Incoming("touchpoints")
    @Blocking(value = WORKERS, ordered = false)
    public void touchpoint(byte[] payload) {
        intake.accept("attribution.touchpoints", payload, Touchpoint.class, service::recordTouchpoint);
    }

    @Incoming("conversions")
    @Blocking(value = WORKERS, ordered = false)
    public void conversion(byte[] payload) {
        intake.accept("attribution.conversions", payload, Conversion.class, service::recordConversion);
    }

    @Incoming("identity-links")
    @Blocking(value = WORKERS, ordered = false)
    public void identityLink(byte[] payload) {
        intake.accept("attribution.identity-links", payload, IdentityLink.class, service::recordIdentityLink);
    }

    @Incoming("conversion-adjustments")
    @Blocking(value = WORKERS, ordered = false)
    public void adjustment(byte[] payload) {
        intake.accept("attribution.conversion-adjustments", payload, ConversionAdjustment.class,
                service::recordAdjustment);
    }
}
