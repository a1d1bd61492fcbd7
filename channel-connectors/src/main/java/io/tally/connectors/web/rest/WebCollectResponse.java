package io.tally.connectors.web.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted collect request: how many events the broker acknowledged, and their ids in request order. */
@Schema(name = "WebCollectResponse", description = "Events acknowledged by the broker")
public record WebCollectResponse(
        @Schema(examples = "2") int accepted,
        @Schema(description = "The event ids, in request order; stable across retries") List<String> eventIds,
        @Schema(description = "How many of these events had been accepted before (a retry, a beacon sent twice) and were "
                + "not published again", examples = "0") int deduplicated) {
}
