package io.tally.campaign.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.campaign.service.CampaignService;
import io.tally.support.problem.Problem;

/** {@code /api/v1/campaigns/{id}}: read a campaign. */
@Path("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Campaigns, their channel and the tracking codes that resolve to them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a campaign", description = "The campaign with the given id.")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignResponse.class), examples = @ExampleObject(name = "campaign", value = ApiExamples.CAMPAIGN)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    public CampaignResponse find(@Parameter(description = "Campaign id") @PathParam("id") UUID id) {
        return campaigns.findCampaign(id);
    }
}
