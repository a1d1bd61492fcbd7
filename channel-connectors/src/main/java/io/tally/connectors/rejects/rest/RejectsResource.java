package io.tally.connectors.rejects.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.connectors.rejects.service.RejectLog;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;

/** The pipeline's recent dead letters, by reason: what the dashboard's data page shows. */
@Path(RejectsResource.BASE)
@Tag(name = "Rejects", description = "The pipeline's dead letters (tally.rejects) from every service, by reason")
public class RejectsResource {

    static final String BASE = "/api/v1/rejects";
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    static final int DEFAULT_RECENT = 20;
    static final int MAX_RECENT = 100;
    static final int MAX_GROUPS = 50;
    static final int MAX_SOURCE_CHARS = 200;

    @Inject
    RejectLog log;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recent rejected events by reason", description = "The dead letters every service sent to "
            + "tally.rejects (bad beacons and pixel hits, bulk and import rows that failed validation, records a "
            + "consumer refused) rejected at or after since (7 days ago when omitted), optionally of one source: how "
            + "many, the " + MAX_GROUPS + " largest groups by source, field and reason, and the limit most recent "
            + "(1 to " + MAX_RECENT + ", " + DEFAULT_RECENT + " when omitted). The same bad input from the same source "
            + "counts once. Rejected rows of offline imports are here too; GET /api/v1/imports/{id}/rejects lists a "
            + "job's. Dead letters are kept for tally.connectors.reject-log.retention (30 days).")
    @APIResponse(responseCode = "200", description = "The dead letters in the window", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RejectLogResponse.class), examples = @ExampleObject(name = "last week", value = RejectExamples.LOG)))
    @APIResponse(responseCode = "400", description = "since is not an ISO-8601 instant, limit not a whole number from 1 "
            + "to " + MAX_RECENT + ", or source longer than " + MAX_SOURCE_CHARS
            + " characters or not printable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad since", value = RejectExamples.BAD_SINCE)))
    public RejectLogResponse rejects(
            @Parameter(description = "The start of the window, an ISO-8601 instant in UTC", example = "2026-11-30T09:00:00Z") @QueryParam("since") String since,
            @Parameter(description = "Only this source (web.collect, web.pixel, email.sendgrid, attribution.conversions, …)", example = "web.pixel") @QueryParam("source") String source,
            @Parameter(description = "How many recent dead letters, 1 to "
                    + MAX_RECENT, example = "20") @QueryParam("limit") String limit) {
        Violations v = new Violations();
        Instant from = since == null
                ? Instant.now().minus(DEFAULT_WINDOW).truncatedTo(ChronoUnit.SECONDS)
                : QueryValues.instant(since).orElse(null);
        if (from == null) {
            v.add("since", QueryValues.INSTANT_REASON);
        }
        v.text("source", source, MAX_SOURCE_CHARS);
        Integer n = QueryValues.integer(v, "limit", limit, DEFAULT_RECENT, 1, MAX_RECENT);
        v.throwIfAny();
        Optional<String> only = Optional.ofNullable(source).filter(s -> !s.isBlank());
        return new RejectLogResponse(from, only.orElse(null), log.count(from, only),
                log.groups(from, only, MAX_GROUPS).stream().map(RejectLogResponse.Group::of).toList(),
                log.recent(from, only, n).stream().map(RejectLogResponse.Entry::of).toList());
    }
}
