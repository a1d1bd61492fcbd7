package io.tally.connectors.rejects.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.connectors.rejects.service.LoggedReject;
import io.tally.connectors.rejects.service.RejectGroup;

/** The pipeline's dead letters since an instant: how many, grouped by source, field and reason, and the latest. */
@Schema(name = "RejectLog", description = "The pipeline's dead letters (tally.rejects, from every service) rejected at "
        + "or after since: their number, the largest groups by source, field and reason, and the most recent ones")
public record RejectLogResponse(
        @Schema(description = "The start of the window (inclusive)") Instant since,
        @Schema(description = "The source asked for; null for every source", examples = "web.pixel") String source,
        @Schema(description = "Dead letters in the window", examples = "12") long total,
        @Schema(description = "Groups by source, field and reason, the largest first (at most "
                + RejectsResource.MAX_GROUPS + ")") List<Group> byReason,
        @Schema(description = "The most recently rejected dead letters, newest first") List<Entry> recent) {

    @Schema(name = "RejectGroup", description = "The dead letters of one source with the same failed field and reason")
    public record Group(
            @Schema(description = "Where the input was rejected: the endpoint or the consumer", examples = "web.pixel") String source,
            @Schema(description = "The first failed field (JSON path or CSV column); empty when the whole record failed", examples = "url") String field,
            @Schema(examples = "must be an absolute http(s) URL") String reason,
            @Schema(examples = "9") long count,
            @Schema(description = "The earliest rejection of the group in the window") Instant firstAt,
            @Schema(description = "The latest rejection of the group in the window") Instant lastAt) {

        static Group of(RejectGroup g) {
            return new Group(g.source(), g.field(), g.reason(), g.count(), g.firstAt(), g.lastAt());
        }
    }

    @Schema(name = "LoggedReject", description = "One dead letter")
    public record Entry(
            @Schema(description = "The dead letter's id: the same bad input from the same source has the same id", examples = "reject:2f0a5b71-5b5e-3c3d-9a55-0c1b2a9d6e41") String eventId,
            Instant rejectedAt,
            @Schema(examples = "web.pixel") String source,
            @Schema(examples = "url") String field,
            @Schema(examples = "must be an absolute http(s) URL") String reason,
            @Schema(description = "The start of the input as received, at most 1,000 characters, "
                    + "with e-mail addresses (also URL-encoded) masked as ***") String rawExcerpt) {

        static Entry of(LoggedReject r) {
            return new Entry(r.eventId(), r.rejectedAt(), r.source(), r.field(), r.reason(), r.rawExcerpt());
        }
    }
}
