package io.tally.connectors.costs.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.connectors.costs.service.MetaInsightsImportService;
import io.tally.support.problem.Problem;

/** Meta Marketing API insights: daily campaign spend imported as paid-social costs. */
@Path("/api/v1/imports/meta-insights")
@Tag(name = "Costs", description = "Costs of every channel: ad-platform spend (Meta insights; LinkedIn, TikTok, Google Ads and Microsoft Ads exports) and the generic cost import (search, email, print, events, agency fees, tools)")
public class MetaInsightsResource {

    @Inject
    MetaInsightsImportService service;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import Meta insights (daily campaign spend)", description = "Takes the body of the Graph API "
            + "insights edge as it is (GET /act_<id>/insights?level=campaign&time_increment=1&fields=campaign_id,"
            + "campaign_name,spend,impressions,clicks,account_currency,actions,action_values), streamed row by row. Each "
            + "row becomes a Cost on tally.costs: channel paid_social, source meta, campaignCode = campaign_id, date = "
            + "date_start, spend in account_currency; platform purchases (for comparison only, never conversions) from "
            + "the first purchase action type reported, by preference omni_purchase, purchase, "
            + "offsite_conversion.fb_pixel_purchase. Rows that are not daily or carry a bad figure go to tally.rejects "
            + "and are listed; the other rows are published. The cost id includes a digest of the figures: an "
            + "identical re-import publishes nothing, a corrected figure publishes a new cost of the same line "
            + "(meta:<campaign_id>:<date>), which replaces the earlier one. Post each page of a paged response.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "The insights edge's response: {data: [rows], paging}"), examples = @ExampleObject(name = "insights", summary = "Two days of one campaign", value = CostExamples.META_INSIGHTS)))
    @APIResponse(responseCode = "200", description = "The import ran; every row is published, already imported or rejected", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject(name = "report", value = CostExamples.META_REPORT)))
    @APIResponse(responseCode = "400", description = "Not an insights response, or malformed JSON (rows before the error were imported, the detail says how many)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = CostExamples.META_INVALID)))
    @APIResponse(responseCode = "415", description = "The body is not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unsupported", value = CostExamples.UNSUPPORTED_JSON)))
    @APIResponse(responseCode = "503", description = "Kafka stayed unavailable through every retry; import the same body again later", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = CostExamples.IMPORT_UNAVAILABLE)))
    public ImportReport importInsights(@Context HttpHeaders headers, InputStream body) throws IOException {
        BodyTypes.require(headers.getMediaType(), MediaType.APPLICATION_JSON_TYPE, "the insights response");
        return ImportReport.of(service.importInsights(body));
    }
}
