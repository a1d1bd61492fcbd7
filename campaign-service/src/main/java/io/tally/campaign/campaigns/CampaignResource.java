package io.tally.campaign.campaigns;

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
import io.tally.campaign.api.CampaignRequest;
import io.tally.campaign.api.CampaignResponse;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.api.Paging;
import io.tally.support.etag.ETags;
import io.tally.support.problem.Problem;

/** {@code /api/v1/campaigns/{id}}: read, replace (conditionally) and trace a campaign. */
@Path("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Campaigns, their channel and the tracking codes that resolve to them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a campaign", description = "The campaign with the given id. The ETag header holds its"
            + " version: send it back in If-Match to replace the campaign.")
    @APIResponse(responseCode = "200", description = "The campaign", headers = @Header(name = "ETag", description = "The campaign's version, quoted", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignResponse.class), examples = @ExampleObject(name = "campaign", value = ApiExamples.CAMPAIGN)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    public Response find(@Parameter(description = "Campaign id") @PathParam("id") UUID id) {
        CampaignResponse campaign = campaigns.findCampaign(id);
        return Response.ok(campaign).tag(ETags.tag(campaign.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a campaign", description = "Replaces the campaign's name, channel and tracking codes and"
            + " publishes its next CampaignChanged version, so attribution resolves the new codes (conversions"
            + " credited through codes that moved are re-credited there). Requires If-Match with the ETag from the"
            + " last read: a campaign changed since is 412, a request without If-Match 428. A code owned by another"
            + " campaign is 409. The change is recorded in the campaign's history.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CampaignRequest.class), examples = @ExampleObject(name = "campaign", value = ApiExamples.CAMPAIGN_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced; the ETag header holds the new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignResponse.class), examples = @ExampleObject(name = "campaign", value = ApiExamples.CAMPAIGN)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.CAMPAIGN_INVALID)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "A tracking code belongs to another campaign (named in the detail)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "code taken", value = ApiExamples.CAMPAIGN_CONFLICT)))
    @APIResponse(responseCode = "412", description = "The campaign changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = ApiExamples.PROGRAMME_STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconditional", value = ApiExamples.PROGRAMME_UNCONDITIONAL)))
    public Response replace(@Parameter(description = "Campaign id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version this change is based on", example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CampaignRequest request) {
        CampaignResponse replaced = campaigns.replaceCampaign(id, ifMatch, request);
        return Response.ok(replaced).tag(ETags.tag(replaced.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a campaign", description = "Deletes the campaign: its tracking codes are released"
            + " and its next CampaignChanged says deleted, so attribution re-credits what its codes carried (as"
            + " adjustments). Figures already attributed keep its name; its history stays readable. Requires If-Match"
            + " (412 when stale, 428 without); 409 while budget lines or goals refer to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Budget lines or goals still refer to it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The campaign changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = ApiExamples.PROGRAMME_STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconditional", value = ApiExamples.PROGRAMME_UNCONDITIONAL)))
    public void delete(@Parameter(description = "Campaign id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being deleted", example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        campaigns.deleteCampaign(id, ifMatch);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A campaign's history", description = "Who changed the campaign, when, to which version, and"
            + " each changed field's old and new value; newest first.")
    @APIResponse(responseCode = "200", description = "One page of changes", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class), examples = @ExampleObject(name = "history", value = ApiExamples.PROGRAMME_HISTORY)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    public HistoryPage history(@Parameter(description = "Campaign id") @PathParam("id") UUID id,
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.of(page, size);

        return campaigns.history(id, paging.page(), paging.size());
    }
}
