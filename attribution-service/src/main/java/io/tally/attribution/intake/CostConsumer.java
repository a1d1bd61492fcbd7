package io.tally.attribution.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tally.events.Cost;
import io.tally.support.messaging.EventIntake;

/** Consumes {@code tally.costs}: spend per campaign code, channel and day, for the reports. */
@ApplicationScoped
public class CostConsumer {

    @Inject
    EventIntake intake;
    @Inject
    CostService costs;

    @Incoming("costs")
    @Blocking
    public void cost(byte[] payload) {
        intake.accept("attribution.costs", payload, Cost.class, costs::recordCost);
    }
}
