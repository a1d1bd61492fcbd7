package io.tally.attribution.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tally.events.CampaignChanged;
import io.tally.support.messaging.EventIntake;

/** Consumes the compacted campaigns topic to resolve tracking codes to campaigns and programmes. */
@ApplicationScoped
public class CampaignConsumer {

    @Inject
    EventIntake intake;
    @Inject
    CampaignDirectoryService directory;

    @Incoming("campaigns")
    @Blocking
    public void campaign(byte[] payload) {
        if (payload == null) {
            return; // a compaction tombstone carries no state
        }
        intake.accept("attribution.campaigns", payload, CampaignChanged.class, directory::apply);
    }
}
