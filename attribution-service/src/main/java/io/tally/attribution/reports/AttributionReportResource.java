package io.tally.attribution.reports;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.ledger.CreditRepository.GroupBy;
import io.tally.attribution.rest.CsvTableWriter;
import io.tally.events.validation.Violations;
import io.tally.support.problem.Problem;

/** The attribution report: credited revenue by programme, campaign or channel under one model. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Credited revenue by programme, campaign and channel")
@Produces(MediaType.APPLICATION_JSON)
public class AttributionReportResource {

    @Inject
    ReportQuery query;
    @Inject
    AttributionReportService reports;

    @GET
    @Path("/attribution")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Credited revenue by programme, campaign or channel", description = """
            Sums the credit (from the daily roll-up the ledger keeps) for conversions that happened on the days \
            from..to (inclusive, UTC) under one \
            attribution model. Each row carries the group's id and name, its credited revenue (decimal string, in \
            the conversion's currency) and its fractional conversions. Conversions with no eligible touch appear as \
            an `unattributed` row; touches whose tracking code resolves to no campaign as `unassigned`. Rows of one \
            currency sum exactly to the revenue those conversions booked (see `totals`). `Accept: text/csv` gives \
            the rows as CSV.""")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = AttributionReport.class), examples = @ExampleObject(name = "by programme", value = """
            {"from":"2026-11-01","to":"2026-11-30","model":"linear","groupBy":"programme",
             "rows":[{"id":"3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10","name":"Black Friday 2026",
                      "kind":"assigned","currency":"EUR","revenue":"1249.90","conversions":"12.5"},
                     {"name":"unattributed","kind":"unattributed","currency":"EUR",
                      "revenue":"99.00","conversions":"1"}],
             "totals":[{"currency":"EUR","revenue":"1348.90","conversions":"13.5"}]}""")))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown model", value = """
            {"type":"urn:tally:problem:validation","title":"Invalid request","status":400,
             "detail":"model must be one of first_touch, last_touch, last_non_direct, linear, time_decay, position_based, j_curve, inverse_j, custom, markov, shapley",
             "instance":"/api/v1/reports/attribution",
             "errors":[{"field":"model","reason":"must be one of first_touch, last_touch, last_non_direct, linear, time_decay, position_based, j_curve, inverse_j, custom, markov, shapley"}]}""")))
    public AttributionReport attribution(
            @Parameter(description = "First day (ISO date), inclusive", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Attribution model", example = "linear") @QueryParam("model") @DefaultValue("last_touch") String model,
            @Parameter(description = "programme, campaign or channel", example = "programme") @QueryParam("groupBy") @DefaultValue("channel") String groupBy) {
        Violations v = new Violations();
        ReportQuery.DateRange range = query.range(v, from, to);
        query.checkModel(v, model);
        GroupBy group = ReportQuery.groupBy(v, groupBy);
        v.throwIfAny();
        return reports.attribution(range.from(), range.to(), model.toLowerCase(Locale.ROOT), group);
    }
}
