package io.tally.connectors.social.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shape of one organic engagement, for the OpenAPI document (the resource reads the JSON tree itself). */
@Schema(name = "SocialEngagement", description = "One engagement with an organic social post")
public record EngagementRequest(
        @Schema(required = true, description = "The network's id of the engagement; with the network it makes the touchpoint id", examples = "17895695668004550") String id,
        @Schema(required = true, description = "The social network, lower case: facebook, instagram, linkedin, x, tiktok, youtube, ...", examples = "instagram") String network,
        @Schema(required = true, enumeration = {
                "post_click", "share",
                "comment"}, description = "post_click becomes a click touchpoint; share and comment an engagement touchpoint") String type,
        @Schema(required = true, description = "When it happened: ISO-8601 date-time with offset, at most the configured skew in the future", examples = "2026-11-22T10:15:30Z") String occurredAt,
        @Schema(description = "The tracking code of the post's link; becomes the touchpoint's campaign code", examples = "BF-2026") String linkId,
        @Schema(description = "The visitor's anonymous id; anonymousId, userId or email is required", examples = "a-7f3c9e") String anonymousId,
        @Schema(description = "The signed-in user's id", examples = "u-1042") String userId,
        @Schema(description = "The person's e-mail address: only its SHA-256 is published, never the address", examples = "jane@example.com") String email){
}
