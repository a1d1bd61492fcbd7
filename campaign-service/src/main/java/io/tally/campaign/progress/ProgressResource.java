package io.tally.campaign.progress;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.campaign.api.ApiExamples;
import io.tally.campaign.api.ProgressResponse;
import io.tally.campaign.goals.Goal;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemException;

/** Goal progress and pacing of a programme. */
@Path("/api/v1/programmes/{id}/progress")
@Tag(name = "Goals", description = "Revenue goals per programme, campaign or channel and period")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    @Inject
    ProgressService progress;

    @GET
    @Operation(summary = "A programme's progress towards its goals", description = """
            Revenue attributed under the programme's official model and cost reported, from the period's first day to \
            today (in the programme's time zone), with ROAS and budget; each goal of the period with its percentage, what the \
            programme's pacing curve (linear or weekday) expects by now, the variance, a run-rate forecast to the period's end (the method is named: \
            run_rate_linear, final after the period, not_started before it), what is left per remaining day, and a \
            status: achieved once the goal is reached; otherwise behind after the period; otherwise on_track while \
            less than 5 % of the goal is expected (too early to judge); otherwise on_track at 95 % of the pace or \
            more, at_risk at 80 % or more, behind below (thresholds: tally.goals.*). Breakdowns by campaign and by \
            channel. Revenue in other currencies is listed apart, not converted.""")
    @APIResponse(responseCode = "200", description = "The progress", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressResponse.class), examples = @ExampleObject(name = "progress", value = ApiExamples.PROGRESS)))
    @APIResponse(responseCode = "400", description = "An unreadable period or asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.GOAL_INVALID)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    public ProgressResponse progress(@Parameter(description = "Programme id") @PathParam("id") UUID id,
            @Parameter(description = "2026-11, 2026-Q4 or 2026-11-01..2026-11-30", example = "2026-11", required = true) @QueryParam("period") @NotBlank String period,
            @Parameter(description = "The instant to report as of (default: now), e.g. to see the pace on a past day", example = "2026-11-16T08:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("asOf") String asOf) {
        Instant at = asOf == null
                ? null
                : QueryValues.instant(asOf).orElseThrow(() -> ProblemException.invalid("asOf",
                        QueryValues.INSTANT_REASON));
        return progress.progress(id, period, at);
    }
}
