package io.tally.attribution.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tally.attribution.service.IntakeService;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.IdentityLink;
import io.tally.events.Touchpoint;

/** Consumes the topics that build journeys and their credit: touchpoints, conversions, identity links, refunds. */
@ApplicationScoped
public class JourneyEventConsumer {

    @Inject
    EventIntake intake;
    @Inject
    IntakeService service;

    @Incoming("touchpoints")
    @Blocking
    public void touchpoint(byte[] payload) {
        intake.accept("attribution.touchpoints", payload, Touchpoint.class, service::recordTouchpoint);
    }

    @Incoming("conversions")
    @Blocking
    public void conversion(byte[] payload) {
        intake.accept("attribution.conversions", payload, Conversion.class, service::recordConversion);
    }

    @Incoming("identity-links")
    @Blocking
    public void identityLink(byte[] payload) {
        intake.accept("attribution.identity-links", payload, IdentityLink.class, service::recordIdentityLink);
    }

    @Incoming("conversion-adjustments")
    @Blocking
    public void adjustment(byte[] payload) {
        intake.accept("attribution.conversion-adjustments", payload, ConversionAdjustment.class,
                service::recordAdjustment);
    }
}
