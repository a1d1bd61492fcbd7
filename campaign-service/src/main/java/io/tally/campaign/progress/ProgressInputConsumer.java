package io.tally.campaign.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tally.events.Attribution;
import io.tally.events.Cost;
import io.tally.support.messaging.EventIntake;

/** Consumes attributed revenue ({@code tally.attributions}) and reported costs ({@code tally.costs}) for goal progress. */
@ApplicationScoped
public class ProgressInputConsumer {

    @Inject
    EventIntake intake;
    @Inject
    ProgressInputService inputs;

    @Incoming("attributions")
    @Blocking
    public void attribution(byte[] payload) {
        intake.accept("campaign.attributions", payload, Attribution.class, inputs::recordAttribution);
    }

    @Incoming("costs")
    @Blocking
    public void cost(byte[] payload) {
        intake.accept("campaign.costs", payload, Cost.class, inputs::recordCost);
    }
}
