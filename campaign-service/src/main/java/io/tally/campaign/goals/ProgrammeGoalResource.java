package io.tally.campaign.goals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.campaign.api.ApiExamples;
import io.tally.campaign.api.GoalRequest;
import io.tally.campaign.api.GoalResponse;
import io.tally.support.etag.ETags;
import io.tally.support.problem.Problem;

/** {@code /api/v1/programmes/{id}/goals}: set and list a programme's revenue goals. */
@Path("/api/v1/programmes/{id}/goals")
@Tag(name = "Goals", description = "Revenue goals per programme, campaign or channel and period")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeGoalResource {

    @Inject
    GoalService goals;

    @POST
    @Operation(summary = "Set a revenue goal", description = "Sets the revenue the programme owes for a period: a month"
            + " (2026-11), a quarter (2026-Q4) or a range of days (2026-11-01..2026-11-30), in the programme's time"
            + " zone; for the whole programme, or narrowed to one of its campaigns or to one channel. The amount is in"
            + " the programme's reporting currency (another currency is refused: no FX rate source is configured)."
            + " One goal per scope and period: a second one is 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = GoalRequest.class), examples = @ExampleObject(name = "goal", value = ApiExamples.GOAL_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location is the goal's URL", headers = {
            @Header(name = "Location", description = "URL of the new goal", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The goal's version, quoted", schema = @Schema(type = SchemaType.STRING))}, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalResponse.class), examples = @ExampleObject(name = "created", value = ApiExamples.GOAL)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.GOAL_INVALID)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The scope already has a goal for the period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicate", value = ApiExamples.GOAL_CONFLICT)))
    public Response create(@Parameter(description = "Programme id") @PathParam("id") UUID programmeId,
            @Valid @NotNull GoalRequest request, @Context UriInfo uri) {
        GoalResponse created = goals.createGoal(programmeId, request);
        return Response.created(UriBuilder.fromUri(uri.getBaseUri()).path("api/v1/goals/{id}").build(created.id()))
                .tag(ETags.tag(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "List a programme's goals", description = "The programme's goals in creation order,"
            + " optionally only those of one period (same forms as when setting a goal).")
    @APIResponse(responseCode = "200", description = "The goals", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalResponse.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "goals", value = "["
            + ApiExamples.GOAL + "]")))
    @APIResponse(responseCode = "400", description = "An unreadable period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.GOAL_INVALID)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    public List<GoalResponse> list(@Parameter(description = "Programme id") @PathParam("id") UUID programmeId,
            @Parameter(description = "Only goals of this period", example = "2026-11") @QueryParam("period") String period) {
        return goals.findGoals(programmeId, period);
    }
}
