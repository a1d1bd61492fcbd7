package io.tally.connectors.email.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.connectors.email.service.EmailWebhookOutcome;

/** The answer to a processed email webhook delivery; accepted + deduplicated + ignored = the events delivered. */
@Schema(name = "EmailWebhookResponse", description = "What became of a webhook delivery: accepted + deduplicated + "
        + "ignored = the provider events it carried")
public record EmailWebhookResponse(
        @Schema(description = "Opens and clicks the broker acknowledged now, as touchpoints", examples = "2") int accepted,
        @Schema(description = "Opens and clicks published before (a redelivery); not sent again", examples = "0") int deduplicated,
        @Schema(description = "Provider events that are not touches (delivered, bounce, …)", examples = "1") int ignored,
        @Schema(description = "The touchpoints' event ids, in delivery order; stable across redeliveries") List<String> eventIds) {

    static EmailWebhookResponse of(EmailWebhookOutcome outcome) {
        return new EmailWebhookResponse(outcome.published(), outcome.deduplicated(), outcome.ignored(),
                outcome.eventIds());
    }
}
