package io.tally.campaign.budgets;

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
import io.tally.campaign.api.BudgetRequest;
import io.tally.campaign.api.BudgetResponse;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.api.Paging;
import io.tally.support.etag.ETags;
import io.tally.support.problem.Problem;

/** {@code /api/v1/budgets/{id}}: read, replace and delete (conditionally) and trace one budget line. */
@Path("/api/v1/budgets/{id}")
@Tag(name = "Budgets", description = "Campaign budgets per period (the spend plan)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {

    @Inject
    BudgetService budgets;

    @GET
    @Operation(summary = "Read a budget line", description = "The line; the ETag header holds its version: send it"
            + " back in If-Match to replace or delete it.")
    @APIResponse(responseCode = "200", description = "The budget line", headers = @Header(name = "ETag", description = "The line's version, quoted", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetResponse.class), examples = @ExampleObject(name = "budget", value = ApiExamples.BUDGET)))
    @APIResponse(responseCode = "404", description = "No such budget line", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.BUDGET_NOT_FOUND)))
    public Response find(@Parameter(description = "Budget line id") @PathParam("id") UUID id) {
        BudgetResponse budget = budgets.findBudget(id);
        return Response.ok(budget).tag(ETags.tag(budget.version())).build();
    }

    @PUT
    @Operation(summary = "Replace a budget line", description = "Replaces the line's period and amount under the same"
            + " rules as when it was planned. Requires If-Match: a line changed since is 412, a request without"
            + " If-Match 428.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BudgetRequest.class), examples = @ExampleObject(name = "budget", value = ApiExamples.BUDGET_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced; the ETag header holds the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetResponse.class), examples = @ExampleObject(name = "budget", value = ApiExamples.BUDGET)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.BUDGET_INVALID)))
    @APIResponse(responseCode = "404", description = "No such budget line", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.BUDGET_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Overlaps another line, or the plan would exceed the campaign's budget", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "overlap", value = ApiExamples.BUDGET_CONFLICT)))
    @APIResponse(responseCode = "412", description = "The line changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = ApiExamples.PROGRAMME_STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconditional", value = ApiExamples.PROGRAMME_UNCONDITIONAL)))
    public Response replace(@Parameter(description = "Budget line id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version this change is based on", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull BudgetRequest request) {
        BudgetResponse replaced = budgets.replaceBudget(id, ifMatch, request);
        return Response.ok(replaced).tag(ETags.tag(replaced.version())).build();
    }

    @DELETE
    @Operation(summary = "Delete a budget line", description = "Removes the line from the plan; its history stays"
            + " readable. Requires If-Match (412 when stale, 428 without).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such budget line", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.BUDGET_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "The line changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = ApiExamples.PROGRAMME_STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconditional", value = ApiExamples.PROGRAMME_UNCONDITIONAL)))
    public void delete(@Parameter(description = "Budget line id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being deleted", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        budgets.deleteBudget(id, ifMatch);
    }

    @GET
    @Path("/history")
    @Operation(summary = "A budget line's history", description = "Who changed or deleted the line, when, and each"
            + " changed field's old and new value; newest first.")
    @APIResponse(responseCode = "200", description = "One page of changes", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class), examples = @ExampleObject(name = "history", value = ApiExamples.PROGRAMME_HISTORY)))
    @APIResponse(responseCode = "404", description = "No such budget line, now or before", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.BUDGET_NOT_FOUND)))
    public HistoryPage history(@Parameter(description = "Budget line id") @PathParam("id") UUID id,
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.of(page, size);

        return budgets.history(id, paging.page(), paging.size());
    }
}
