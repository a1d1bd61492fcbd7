package io.tally.connectors.costs.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import io.tally.connectors.costs.service.CostImportService;
import io.tally.connectors.csv.ColumnMapping;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemException;

/** The generic cost import: every cost no ad platform's export brings, as CSV or JSON. */
@Path("/api/v1/imports/costs")
@Tag(name = "Costs")
public class CostImportResource {

    @Inject
    CostImportService service;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import costs of any channel or programme (CSV or JSON)", description = "For every cost no "
            + "ad-platform export brings: search, email, print, events, agency fees, tools. Each line becomes a Cost "
            + "on tally.costs (key: the campaign code, else the programme id). A line needs a campaign code or a "
            + "programme id; an empty channel makes it a shared cost of the programme; amount is a non-negative "
            + "decimal with at most the currency's minor digits; currency ISO 4217; source defaults to generic. "
            + "text/csv (columns date, campaign_code, programme_id, channel, amount, currency, category, source, id; "
            + "each overridable with column.<field>=<header>) is streamed row by row: bad rows go to tally.rejects and "
            + "are listed with their row number (1 = first row after the header) and column, the rest is published. "
            + "application/json (an array of lines, at most tally.connectors.costs.max-batch-size) is all or nothing: "
            + "any bad line answers 400 naming every bad field as [i].field and nothing is published. Lines are "
            + "deduplicated: importing the same lines again publishes nothing. A line with an id is the line "
            + "generic:<source>:<id>; without one it is its source, date, campaign code or programme, channel and "
            + "category, so two different costs of one day, code, channel and category need ids to be told apart. "
            + "The same line with other figures replaces the earlier figure downstream.")
    @Parameters({
            @Parameter(name = "column.date", in = ParameterIn.QUERY, description = "CSV: header of the day column (date)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.campaignCode", in = ParameterIn.QUERY, description = "CSV: header of the campaign code (campaign_code)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.programmeId", in = ParameterIn.QUERY, description = "CSV: header of the programme id (programme_id)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.channel", in = ParameterIn.QUERY, description = "CSV: header of the channel (channel)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.amount", in = ParameterIn.QUERY, description = "CSV: header of the amount (amount)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.currency", in = ParameterIn.QUERY, description = "CSV: header of the currency (currency)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.category", in = ParameterIn.QUERY, description = "CSV: header of the category (category)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.source", in = ParameterIn.QUERY, description = "CSV: header of the source (source)", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "column.id", in = ParameterIn.QUERY, description = "CSV: header of the line id (id)", schema = @Schema(type = SchemaType.STRING))})
    @RequestBody(required = true, content = {
            @Content(mediaType = BodyTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", summary = "Email and print costs of a campaign, and an agency fee of its programme", value = CostExamples.COSTS_CSV)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CostLineRequest.class), examples = @ExampleObject(name = "json", summary = "A campaign's email cost and an agency fee of its programme", value = CostExamples.COSTS_JSON))})
    @APIResponse(responseCode = "200", description = "The import ran; every line is published, already imported or (CSV) rejected", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class), examples = {
            @ExampleObject(name = "csv", summary = "A CSV file with a bad channel in row 2", value = CostExamples.COSTS_REPORT),
            @ExampleObject(name = "json", summary = "A JSON array, all published", value = CostExamples.COSTS_JSON_REPORT)}))
    @APIResponse(responseCode = "400", description = "JSON: any bad line (every bad field as [i].field; nothing was published), malformed JSON or not an array. CSV: a bad column mapping, an empty file, or malformed CSV (rows before the error were imported)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = CostExamples.COSTS_INVALID)))
    @APIResponse(responseCode = "413", description = "JSON: more lines than tally.connectors.costs.max-batch-size, or a body over tally.connectors.limits.max-request-bytes; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = CostExamples.COSTS_TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "The body is neither text/csv nor application/json, or its charset is unknown", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unsupported", value = CostExamples.COSTS_UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "CSV: a mapped column is not in the header row, or neither the campaign code nor the programme id column is; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing column", value = CostExamples.COSTS_MISSING_COLUMN)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge (CSV: through every retry; chunks before were published); import the same body again later", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = CostExamples.COSTS_UNAVAILABLE)))
    public ImportReport importCosts(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body)
            throws IOException {
        MediaType type = headers.getMediaType();
        Map<String, String> overrides = ColumnMapping.overridesFrom(uri.getQueryParameters());
        if (BodyTypes.declares(type, MediaType.APPLICATION_JSON_TYPE)) {
            if (!overrides.isEmpty()) {
                throw ProblemException.invalid(ColumnMapping.PARAMETER_PREFIX + overrides.keySet().iterator().next(),
                        "maps a CSV column; a JSON body names its fields");
            }
            return ImportReport.of(service.importJson(body));
        }
        if (!BodyTypes.declares(type, BodyTypes.CSV)) {
            throw BodyTypes.unsupported(type, "the costs as text/csv or application/json");
        }
        return ImportReport.of(service.importCsv(body, BodyTypes.charset(type), overrides));
    }
}
