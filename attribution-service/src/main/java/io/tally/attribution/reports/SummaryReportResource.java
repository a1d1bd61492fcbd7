package io.tally.attribution.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.ledger.CreditRepository.GroupBy;
import io.tally.attribution.reports.SummaryRepository.Interval;
import io.tally.attribution.rest.CsvTableWriter;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;

/** The attribution summary: revenue, conversions, cost, ROAS, CPA and share per bucket and group. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Credited revenue by programme, campaign and channel")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryReportResource {

    @Inject
    ReportQuery query;
    @Inject
    SummaryReportService reports;

    @GET
    @Path("/summary")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Attribution summary: revenue, conversions, cost, ROAS, CPA and share", description = """
            For one attribution model and the days from..to (inclusive; a programme's credit counts on the \
            conversion's day in the programme's reporting time zone, credit of no programme on its UTC day, a cost \
            on the day it was reported for), per programme, campaign or channel and per day, ISO week (from \
            Monday), month or the whole range: credited revenue, fractional conversions, reported cost (a cost \
            reaches a campaign through the tracking code pointing at it that day), ROAS (revenue / cost), CPA (cost / \
            conversions) and the row's share of its bucket's revenue in that currency. Filter by programme, campaign \
            or channel; sort by revenue (default, descending), conversions, cost, roas, name or periodStart, `-` first \
            for descending. JSON is paged; `Accept: text/csv` answers every row as a spreadsheet-ready CSV (one \
            header row, ISO dates, decimal points, no thousands separators) with a Content-Disposition file name. \
            Read from the daily roll-up the ledger keeps, not from the ledger itself. Amounts stay per currency.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryReport.class), examples = @ExampleObject(name = "by programme and month", value = """
                    {"from":"2026-11-01","to":"2026-11-30","model":"linear","groupBy":"programme","interval":"month",
                     "rows":[{"periodStart":"2026-11-01","id":"3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10",
                              "name":"Black Friday 2026","kind":"assigned","currency":"EUR","revenue":"1249.90",
                              "conversions":"12.5","cost":"400.00","roas":"3.1248","cpa":"32.00","share":"92.66"},
                             {"periodStart":"2026-11-01","name":"unattributed","kind":"unattributed","currency":"EUR",
                              "revenue":"99.00","conversions":"1","cost":"0.00","cpa":"0.00","share":"7.34"}],
                     "page":0,"size":100,"totalRows":2,
                     "totals":[{"currency":"EUR","revenue":"1348.90","conversions":"13.5","cost":"400.00","roas":"3.3723"}]}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    period_start,group_id,name,kind,currency,revenue,conversions,cost,roas,cpa,share_percent
                    2026-11-01,3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10,Black Friday 2026,assigned,EUR,1249.90,12.5,400.00,3.1248,32.00,92.66
                    2026-11-01,,unattributed,unattributed,EUR,99.00,1,0.00,,0.00,7.34
                    """))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SummaryReport summary(
            @Parameter(description = "First day (ISO date), inclusive", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Attribution model", example = "linear") @QueryParam("model") @DefaultValue("last_touch") String model,
            @Parameter(description = "programme, campaign or channel", example = "programme") @QueryParam("groupBy") @DefaultValue("programme") String groupBy,
            @Parameter(description = "day, week, month or total", example = "month") @QueryParam("interval") @DefaultValue("total") String interval,
            @Parameter(description = "Only this programme") @QueryParam("programmeId") UUID programmeId,
            @Parameter(description = "Only this campaign") @QueryParam("campaignId") UUID campaignId,
            @Parameter(description = "Only this channel", example = "email") @QueryParam("channel") String channel,
            @Parameter(description = "revenue, conversions, cost, roas, name or periodStart; - first for descending", example = "-revenue") @QueryParam("sort") @DefaultValue("-revenue") String sort,
            @Parameter(description = "Zero-based page index (JSON), at most "
                    + ReportQuery.MAX_PAGE_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (JSON), at most "
                    + ReportQuery.MAX_PAGE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("size") @DefaultValue("100") String size,
            @Context HttpHeaders headers) {
        Violations v = new Violations();
        ReportQuery.DateRange range = query.range(v, from, to);
        query.checkModel(v, model);
        GroupBy group = ReportQuery.groupBy(v, groupBy);
        Interval bucket = Arrays.stream(Interval.values())
                .filter(i -> i.name().equalsIgnoreCase(interval)).findFirst().orElse(null);
        if (bucket == null) {
            v.add("interval", "must be one of day, week, month, total");
        }
        ReportQuery.checkChannel(v, channel);
        String sortField = sort.startsWith("-") ? sort.substring(1) : sort;
        if (!SummaryReportService.SUMMARY_SORTS.contains(sortField)) {
            v.add("sort", "must be one of " + String.join(", ", SummaryReportService.SUMMARY_SORTS)
                    + ", optionally preceded by - for descending order");
        }
        Integer pageIndex = QueryValues.integer(v, "page", page, 0, 0, ReportQuery.MAX_PAGE_INDEX);
        Integer pageSize = QueryValues.integer(v, "size", size, 100, 1, ReportQuery.MAX_PAGE);
        v.throwIfAny();
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(CsvTableWriter.CSV)) && !t.isWildcardType());
        return reports.summary(new SummaryRepository.Filter(model.toLowerCase(Locale.ROOT), range.from(), range.to(),
                programmeId, campaignId, channel), group, bucket, sort, csv ? 0 : pageIndex, csv ? 0 : pageSize);
    }
}
