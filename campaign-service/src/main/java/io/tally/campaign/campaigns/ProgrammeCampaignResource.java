package io.tally.campaign.campaigns;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import io.tally.campaign.api.CampaignPage;
import io.tally.campaign.api.CampaignRequest;
import io.tally.campaign.api.CampaignResponse;
import io.tally.campaign.api.Paging;
import io.tally.campaign.api.validation.ChannelName;
import io.tally.support.etag.ETags;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemException;

/** {@code /api/v1/programmes/{id}/campaigns}: create and list the campaigns of a programme. */
@Path("/api/v1/programmes/{id}/campaigns")
@Tag(name = "Campaigns", description = "Campaigns, their channel and the tracking codes that resolve to them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeCampaignResource {

    @Inject
    CampaignService campaigns;

    @POST
    @Operation(summary = "Create a campaign", description = "Creates a campaign (version 1) in a programme and publishes"
            + " CampaignChanged on tally.campaigns. Tracking codes are trimmed and stored lower-case; duplicates collapse;"
            + " a code is matched case-insensitively and may belong to one campaign only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CampaignRequest.class), examples = @ExampleObject(name = "campaign", value = ApiExamples.CAMPAIGN_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location is the campaign's URL", headers = @Header(name = "Location", description = "URL of the new campaign", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignResponse.class), examples = @ExampleObject(name = "created", value = ApiExamples.CAMPAIGN)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named (tracking codes as trackingCodes[i])", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.CAMPAIGN_INVALID)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "A tracking code belongs to another campaign (named in the detail)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "code taken", value = ApiExamples.CAMPAIGN_CONFLICT)))
    public Response create(@Parameter(description = "Programme id") @PathParam("id") UUID programmeId,
            @Valid @NotNull CampaignRequest request, @Context UriInfo uri) {
        CampaignResponse created = campaigns.createCampaign(programmeId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/campaigns/{id}").build(created.id()))
                .tag(ETags.tag(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "List a programme's campaigns", description = "One page of the programme's campaigns, optionally"
            + " only one channel's, those whose name contains a fragment (any case), or those running on a day (a"
            + " campaign without dates runs always); sorted by createdAt (default), name or startDate, - first for"
            + " descending.")
    @APIResponse(responseCode = "200", description = "One page of campaigns", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignPage.class), examples = @ExampleObject(name = "campaigns", value = ApiExamples.CAMPAIGN_PAGE)))
    @APIResponse(responseCode = "400", description = "An unknown channel or sort field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    public CampaignPage list(@Parameter(description = "Programme id") @PathParam("id") UUID programmeId,
            @Parameter(description = "Only this channel's campaigns", example = "email") @QueryParam("channel") @ChannelName String channel,
            @Parameter(description = "Only campaigns whose name contains this (any case)", example = "black friday") @QueryParam("name") String name,
            @Parameter(description = "Only campaigns running on this day", example = "2026-11-27", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("activeOn") String activeOn,
            @Parameter(description = "createdAt, name or startDate; - first for descending", example = "-startDate") @QueryParam("sort") String sort,
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.of(page, size);

        LocalDate day = activeOn == null
                ? null
                : QueryValues.date(activeOn).orElseThrow(() -> ProblemException.invalid("activeOn",
                        QueryValues.DATE_REASON));
        return campaigns.findCampaigns(programmeId, paging.page(), paging.size(), channel, name, day, sort);
    }
}
