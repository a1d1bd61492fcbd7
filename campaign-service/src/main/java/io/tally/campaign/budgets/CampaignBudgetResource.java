package io.tally.campaign.budgets;

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
import io.tally.campaign.api.BudgetRequest;
import io.tally.campaign.api.BudgetResponse;
import io.tally.support.etag.ETags;
import io.tally.support.problem.Problem;

/** {@code /api/v1/campaigns/{id}/budgets}: a campaign's spend plan. */
@Path("/api/v1/campaigns/{id}/budgets")
@Tag(name = "Budgets", description = "Campaign budgets per period (the spend plan)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignBudgetResource {

    @Inject
    BudgetService budgets;

    @POST
    @Operation(summary = "Plan a campaign's budget for a period", description = "Adds a line to the campaign's spend"
            + " plan: a month (2026-11), a quarter (2026-Q4) or a range of days, in the programme's time zone, and an"
            + " amount (zero or more) in the programme's reporting currency. Lines of one campaign must not overlap"
            + " (409), must lie within the campaign's dates (400) and together must not exceed its total budget (409).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BudgetRequest.class), examples = @ExampleObject(name = "budget", value = ApiExamples.BUDGET_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location is the line's URL", headers = {
            @Header(name = "Location", description = "URL of the new budget line", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The line's version, quoted", schema = @Schema(type = SchemaType.STRING))}, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetResponse.class), examples = @ExampleObject(name = "created", value = ApiExamples.BUDGET)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.BUDGET_INVALID)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Overlaps another line, or the plan would exceed the campaign's budget", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "overlap", value = ApiExamples.BUDGET_CONFLICT)))
    public Response create(@Parameter(description = "Campaign id") @PathParam("id") UUID campaignId,
            @Valid @NotNull BudgetRequest request, @Context UriInfo uri) {
        BudgetResponse created = budgets.createBudget(campaignId, request);
        return Response.created(UriBuilder.fromUri(uri.getBaseUri()).path("api/v1/budgets/{id}").build(created.id()))
                .tag(ETags.tag(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "A campaign's spend plan", description = "The campaign's budget lines by first day.")
    @APIResponse(responseCode = "200", description = "The budget lines", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetResponse.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "budgets", value = "["
            + ApiExamples.BUDGET + "]")))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    public List<BudgetResponse> list(@Parameter(description = "Campaign id") @PathParam("id") UUID campaignId) {
        return budgets.findBudgets(campaignId);
    }
}
