package io.tally.campaign.codes;

import java.util.List;
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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.campaign.api.ApiExamples;
import io.tally.campaign.api.CodeAssignment;
import io.tally.campaign.api.CodeAssignmentPage;
import io.tally.campaign.api.Paging;
import io.tally.campaign.api.RepointRequest;
import io.tally.campaign.api.validation.TrackingCodeType;
import io.tally.support.problem.Problem;

/** Tracking codes across campaigns: lookup, history, re-pointing from a date. */
@Path("/api/v1/tracking-codes")
@Tag(name = "Tracking codes", description = "Which campaign a code points at, since when, and re-pointing")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingCodeResource {

    @Inject
    TrackingCodeService codes;

    @GET
    @Operation(summary = "List tracking codes", description = "Every span of every code (a code re-pointed from a date"
            + " has one span per campaign), by code and start; filter by campaign, programme or type. Codes are created"
            + " and removed with their campaign (POST/PUT of the campaign).")
    @APIResponse(responseCode = "200", description = "One page of code spans", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeAssignmentPage.class), examples = @ExampleObject(name = "codes", value = ApiExamples.CODE_PAGE)))
    public CodeAssignmentPage list(
            @Parameter(description = "Only this campaign's codes") @QueryParam("campaignId") UUID campaignId,
            @Parameter(description = "Only codes of this programme's campaigns") @QueryParam("programmeId") UUID programmeId,
            @Parameter(description = "Only codes of this type", example = "coupon") @QueryParam("type") @TrackingCodeType String type,
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.of(page, size);

        return codes.list(campaignId, programmeId, type, paging.page(), paging.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A tracking code's history", description = "Every campaign the code pointed at and when,"
            + " oldest first; the code matches case-insensitively.")
    @APIResponse(responseCode = "200", description = "The code's spans", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CodeAssignment.class), examples = @ExampleObject(name = "history", value = ApiExamples.CODE_HISTORY)))
    @APIResponse(responseCode = "404", description = "No campaign ever had the code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CODE_NOT_FOUND)))
    public List<CodeAssignment> history(
            @Parameter(description = "The code (any case)", example = "bf-2026") @PathParam("code") String code) {
        return codes.history(code);
    }

    @POST
    @Path("/{code}/repoint")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-point a tracking code from a date on", description = """
            From the start of `from` (in the time zone of the target campaign's programme) the code points at the \
            target campaign; the span it is in now ends there and is kept, so touches before the date keep crediting \
            the campaign they credited. Both campaigns get their next version and CampaignChanged (attribution \
            re-credits the touches after the date) and an audit entry. A code no campaign holds can be pointed from a \
            date on too.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RepointRequest.class), examples = @ExampleObject(name = "repoint", value = ApiExamples.REPOINT_REQUEST)))
    @APIResponse(responseCode = "200", description = "The code's spans after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CodeAssignment.class), examples = @ExampleObject(name = "history", value = ApiExamples.CODE_HISTORY)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.CAMPAIGN_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The date does not follow the code's spans so far, or the code already points at the campaign", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", value = ApiExamples.REPOINT_CONFLICT)))
    public List<CodeAssignment> repoint(
            @Parameter(description = "The code (any case)", example = "bf-2026") @PathParam("code") String code,
            @NotNull @Valid RepointRequest request) {
        return codes.repoint(code, request);
    }
}
