package io.tally.connectors.email.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shape of one event of Tally's generic ESP format, for the OpenAPI document. */
@Schema(name = "EspEvent", description = "One email open or click in Tally's generic ESP format")
public record EspEventRequest(
        @Schema(required = true, description = "The provider's id of this event, at most 200 characters; the touchpoint's id is esp:<provider>:<id>", examples = "evt-20261122-000417") String id,
        @Schema(required = true, enumeration = {
                "open", "click"}) String type,
        @Schema(required = true, description = "The recipient's address; Tally keeps only its SHA-256 (trimmed, lower-cased)", examples = "jane.doe@example.com") String email,
        @Schema(required = true, description = "When it happened: an ISO-8601 instant", examples = "2026-11-22T10:15:30Z") String timestamp,
        @Schema(description = "The campaign code; when absent, the utm_campaign of url", examples = "BF-2026") String campaign,
        @Schema(description = "The clicked URL, absolute http(s); required for clicks. Query parameters holding the address are removed", examples = "https://shop.example/shoes?utm_campaign=BF-2026") String url){
}
