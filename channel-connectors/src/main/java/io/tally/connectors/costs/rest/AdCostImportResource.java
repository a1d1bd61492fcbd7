package io.tally.connectors.costs.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.connectors.costs.service.AdCostImportService;
import io.tally.connectors.csv.ColumnMapping;
import io.tally.support.problem.Problem;

/** Ad platforms' CSV exports (LinkedIn, TikTok, Google Ads, Microsoft Ads): daily campaign spend imported as costs. */
@Path("/api/v1/imports/ad-costs")
@Tag(name = "Costs")
public class AdCostImportResource {

    @Inject
    AdCostImportService service;

    @POST
    @Path("/{platform}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an ad platform's CSV export (daily campaign spend)", description = "Takes a campaign "
            + "performance export with a daily breakdown as text/csv, streamed row by row. The header row is found "
            + "among the first rows (a report title or date-range preamble is skipped); every mapped column must be "
            + "in it, else 422 and nothing is published. Columns are the platform's configured headers, overridable "
            + "per request with column.<field>=<header> (an empty header unmaps an optional field). Each row becomes a "
            + "Cost on tally.costs: the platform's channel (paid_social for linkedin and tiktok, paid_search for "
            + "google-ads and microsoft-ads), source = platform, campaignCode = the campaign id, line "
            + "<platform>:<campaign id>:<date>, platform purchases = the conversions column (for comparison only, "
            + "never conversions). Dates: YYYY-MM-DD or M/D/YYYY (US order; google-ads YYYY-MM-DD). Numbers may carry "
            + "thousands separators (1,234.56); an amount written 1,234 is refused as ambiguous. Summary rows are "
            + "skipped, neither published nor rejected: a row whose first cell starts with the platform's summary "
            + "prefix (google-ads: Total, microsoft-ads: \u00a9) and that has no campaign id (--, empty). Rows with a "
            + "bad date, a negative or non-numeric spend, an unknown currency or no campaign id go to tally.rejects "
            + "and are listed with their row number (1 = first row after the header) and column; the other rows are "
            + "published. An identical re-import publishes nothing; a corrected figure replaces the day's cost.")
    @Parameters({
            @Parameter(name = "platform", in = ParameterIn.PATH, required = true, description = "The ad platform", schema = @Schema(enumeration = {
                    "linkedin", "tiktok", "google-ads", "microsoft-ads"})),
            @Parameter(name = "column.date", in = ParameterIn.QUERY, description = "Header of the day column (linkedin: Start Date (in UTC), tiktok: Date)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.endDate", in = ParameterIn.QUERY, description = "Header of the period's last day, checked to equal the day (linkedin: End Date (in UTC))", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.campaignId", in = ParameterIn.QUERY, description = "Header of the campaign id (Campaign ID)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.campaignName", in = ParameterIn.QUERY, description = "Header of the campaign name (linkedin: Campaign Name, tiktok: Campaign name)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.spend", in = ParameterIn.QUERY, description = "Header of the spend (linkedin: Total Spent, tiktok: Cost)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.currency", in = ParameterIn.QUERY, description = "Header of the ISO 4217 currency (Currency)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.impressions", in = ParameterIn.QUERY, description = "Header of impressions (Impressions)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.clicks", in = ParameterIn.QUERY, description = "Header of clicks (Clicks)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.conversions", in = ParameterIn.QUERY, description = "Header of the platform's conversions (Conversions)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.conversionValue", in = ParameterIn.QUERY, description = "Header of the conversions' value (unmapped by default)", schema = @Schema(type = SchemaType.STRING))})
    @RequestBody(required = true, content = @Content(mediaType = BodyTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING), examples = {
            @ExampleObject(name = "linkedin", summary = "LinkedIn Campaign Manager export, daily", value = CostExamples.LINKEDIN_CSV),
            @ExampleObject(name = "tiktok", summary = "TikTok Ads Manager export, by day", value = CostExamples.TIKTOK_CSV),
            @ExampleObject(name = "google-ads", summary = "Google Ads campaign report with the Day segment: title, date range, totals", value = CostExamples.GOOGLE_ADS_CSV),
            @ExampleObject(name = "microsoft-ads", summary = "Microsoft Advertising campaign performance report, daily: header lines, copyright footer", value = CostExamples.MICROSOFT_ADS_CSV)}))
    @APIResponse(responseCode = "200", description = "The import ran; every row is published, already imported or rejected", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject(name = "report", value = CostExamples.REPORT)))
    @APIResponse(responseCode = "400", description = "A bad column mapping, an empty file, or malformed CSV (rows before the error were imported, the detail says how many)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = CostExamples.CSV_INVALID)))
    @APIResponse(responseCode = "404", description = "Not a configured ad platform", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = CostExamples.NOT_FOUND)))
    @APIResponse(responseCode = "415", description = "The body is not text/csv, or its charset is unknown", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unsupported", value = CostExamples.UNSUPPORTED_CSV)))
    @APIResponse(responseCode = "422", description = "A mapped column is not in the header row; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing column", value = CostExamples.MISSING_COLUMN)))
    @APIResponse(responseCode = "503", description = "Kafka stayed unavailable through every retry; import the same file again later", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = CostExamples.IMPORT_UNAVAILABLE)))
    public ImportReport importExport(@PathParam("platform") String platform, @Context HttpHeaders headers,
            @Context UriInfo uri, InputStream body) throws IOException {
        service.requirePlatform(platform);
        Charset charset = BodyTypes.require(headers.getMediaType(), BodyTypes.CSV, "the export");
        Map<String, String> overrides = ColumnMapping.overridesFrom(uri.getQueryParameters());
        return ImportReport.of(service.importExport(platform, body, charset, overrides));
    }

}
