package io.tally.connectors.email.service;

import java.util.List;

import io.tally.connectors.pipeline.Ingested;

/**
 * What became of one webhook delivery: {@code published + deduplicated + ignored} = the provider events in it.
 *
 * @param published touches the broker acknowledged now
 * @param deduplicated touches published before (a redelivery), not sent again
 * @param ignored provider events that are not touches
 * @param eventIds the touches' event ids, in delivery order
 */
public record EmailWebhookOutcome(int published, int deduplicated, int ignored, List<String> eventIds) {

    static EmailWebhookOutcome of(Ingested ingested, int ignored) {
        return new EmailWebhookOutcome(ingested.published().size(), ingested.duplicates().size(), ignored,
                ingested.eventIds());
    }
}
