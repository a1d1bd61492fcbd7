package io.tally.campaign.goals;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.api.Paging;
import io.tally.support.etag.ETags;
import io.tally.support.problem.Problem;

/** {@code /api/v1/goals/{id}}: read, replace (conditionally) and trace one goal. */
@Path("/api/v1/goals/{id}")
@Tag(name = "Goals", description = "Revenue goals per programme, campaign or channel and period")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoalResource {

    @Inject
    GoalService goals;

    @GET
    @Operation(summary = "Read a goal", description = "The goal, with its last evaluated status. The ETag header holds"
            + " its version: send it back in If-Match to replace the goal.")
    @APIResponse(responseCode = "200", description = "The goal", headers = @Header(name = "ETag", description = "The goal's version, quoted", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalResponse.class), examples = @ExampleObject(name = "goal", value = ApiExamples.GOAL)))
    @APIResponse(responseCode = "404", description = "No such goal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.GOAL_NOT_FOUND)))
    public Response find(@Parameter(description = "Goal id") @PathParam("id") UUID id) {
        GoalResponse goal = goals.findGoal(id);
        return Response.ok(goal).tag(ETags.tag(goal.version())).build();
    }

    @PUT
    @Operation(summary = "Replace a goal", description = "Replaces the goal's period, amount and scope. Requires If-Match"
            + " with the ETag from the last read: a goal changed since is 412, a request without If-Match 428. The"
            + " change is recorded in the goal's history.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = GoalRequest.class), examples = @ExampleObject(name = "goal", value = ApiExamples.GOAL_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced; the ETag header holds the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalResponse.class), examples = @ExampleObject(name = "goal", value = ApiExamples.GOAL)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.GOAL_INVALID)))
    @APIResponse(responseCode = "404", description = "No such goal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.GOAL_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The new scope already has a goal for the period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicate", value = ApiExamples.GOAL_CONFLICT)))
    @APIResponse(responseCode = "412", description = "The goal changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = ApiExamples.PROGRAMME_STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconditional", value = ApiExamples.PROGRAMME_UNCONDITIONAL)))
    public Response replace(@Parameter(description = "Goal id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version this change is based on", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GoalRequest request) {
        GoalResponse replaced = goals.replaceGoal(id, ifMatch, request);
        return Response.ok(replaced).tag(ETags.tag(replaced.version())).build();
    }

    @DELETE
    @Operation(summary = "Delete a goal", description = "Removes the goal; its history and its alerts stay readable."
            + " Requires If-Match (412 when stale, 428 without).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such goal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.GOAL_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "The goal changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = ApiExamples.PROGRAMME_STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconditional", value = ApiExamples.PROGRAMME_UNCONDITIONAL)))
    public void delete(@Parameter(description = "Goal id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being deleted", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        goals.deleteGoal(id, ifMatch);
    }

    @GET
    @Path("/history")
    @Operation(summary = "A goal's history", description = "Who changed the goal, when, to which version, and each"
            + " changed field's old and new value; newest first.")
    @APIResponse(responseCode = "200", description = "One page of changes", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class), examples = @ExampleObject(name = "history", value = ApiExamples.PROGRAMME_HISTORY)))
    @APIResponse(responseCode = "404", description = "No such goal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.GOAL_NOT_FOUND)))
    public HistoryPage history(@Parameter(description = "Goal id") @PathParam("id") UUID id,
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.of(page, size);

        return goals.history(id, paging.page(), paging.size());
    }
}
