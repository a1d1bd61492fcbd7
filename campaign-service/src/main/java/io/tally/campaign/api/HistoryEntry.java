package io.tally.campaign.api;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change in a resource's audit trail. */
@Schema(name = "HistoryEntry", description = "Who changed a resource, when, to which version, and each changed field")
public record HistoryEntry(
        @Schema(description = "The version the change produced (the ETag after it)", examples = "1") long version,
        @Schema(enumeration = {
                "created", "replaced", "deleted"}, examples = "replaced") String action,
        @Schema(description = "Who made the change: the caller's user name from their token (preferred_username, else sub), or api-key:<name> for a call made with an API key", examples = "mia.marketer") String actor,
        @Schema(examples = "2026-03-02T14:05:00Z") Instant at,
        @Schema(description = "Each changed field with its old and new value", examples = "{\"status\": {\"from\": \"draft\", \"to\": \"active\"}}") Map<String, Map<String, Object>> changes){
}
