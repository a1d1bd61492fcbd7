package io.tally.attribution.intake;

import java.util.List;

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
 * Records come in batches (what one poll of the broker returned, {@code batch=true} on each channel) and a batch is
 * processed in one transaction with set-based statements ({@link EventIntake#acceptAll}); a batch that fails for one
 * bad record is processed again record by record, so only that record is dead-lettered. Batches are processed
 * concurrently, on the {@value #WORKERS} worker pool ({@code smallrye.messaging.worker.journey-workers.max-concurrency}):
 * the ledger does not depend on the order events arrive in (advisory locks serialise events of one customer or order,
 * and a late event re-credits), and offsets are committed only up to the last record of a partition whose predecessors
 * are all processed.
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
    public void touchpoints(List<byte[]> payloads) {
        intake.acceptAll("attribution.touchpoints", payloads, Touchpoint.class, service::recordTouchpoints);
    }

    @Incoming("conversions")
    @Blocking(value = WORKERS, ordered = false)
    public void conversions(List<byte[]> payloads) {
        intake.acceptAll("attribution.conversions", payloads, Conversion.class, service::recordConversions);
    }

    @Incoming("identity-links")
    @Blocking(value = WORKERS, ordered = false)
    public void identityLinks(List<byte[]> payloads) {
        intake.acceptAll("attribution.identity-links", payloads, IdentityLink.class, service::recordIdentityLinks);
    }

    @Incoming("conversion-adjustments")
    @Blocking(value = WORKERS, ordered = false)
    public void adjustments(List<byte[]> payloads) {
        intake.acceptAll("attribution.conversion-adjustments", payloads, ConversionAdjustment.class,
                service::recordAdjustments);
    }
}
