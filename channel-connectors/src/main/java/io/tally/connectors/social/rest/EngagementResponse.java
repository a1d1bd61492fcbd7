package io.tally.connectors.social.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to accepted engagements: how many, and their touchpoint ids in request order. */
@Schema(name = "SocialEngagementResponse", description = "Engagements acknowledged by the broker")
public record EngagementResponse(
        @Schema(examples = "2") int accepted,
        @Schema(description = "The touchpoint ids (social:<network>:<id>), in request order") List<String> eventIds,
        @Schema(description = "How many had been accepted before and were not published again", examples = "0") int deduplicated) {
}
