package io.tally.attribution.reports;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.rest.CsvTableWriter;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;

/** The journey reports: conversion paths, and integrated against isolated journeys. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Credited revenue by programme, campaign and channel")
@Produces(MediaType.APPLICATION_JSON)
public class JourneyReportResource {

    @Inject
    ReportQuery query;
    @Inject
    JourneyReportService journeyReports;

    @GET
    @Path("/paths")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Conversion paths", description = """
            The journeys that ended on the days from..to (UTC), converting and not, cut as the live pipeline cuts \
            them (touches within the default lookback before a conversion and after the profile's previous one; \
            touches no conversion claims make a non-converting journey): the top paths (channels in touch order) by \
            conversions, each with its journeys, conversion rate, revenue (conversions in `currency`) and mean time \
            from first touch to conversion; and how many journeys and conversions each path length had. Computed from \
            the stored touches in one streamed pass. `Accept: text/csv` gives the paths.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JourneyReports.Paths.class), examples = @ExampleObject(name = "paths", value = """
                    {"from":"2026-11-01","to":"2026-11-30","currency":"EUR","lookbackDays":30,"distinctPaths":3,
                     "paths":[{"path":"paid_social > email","touches":2,"journeys":2,"conversions":1,
                               "conversionRate":"50.00","revenue":"100.00","averageHoursToConvert":"2.0"},
                              {"path":"(no touch)","touches":0,"journeys":1,"conversions":1,
                               "conversionRate":"100.00","revenue":"30.00","averageHoursToConvert":"0.0"}],
                     "lengths":[{"touches":0,"journeys":1,"conversions":1,"conversionRate":"100.00"},
                                {"touches":2,"journeys":2,"conversions":1,"conversionRate":"50.00"}],
                     "otherCurrencyConversions":0}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    path,touches,journeys,conversions,conversion_rate_percent,revenue,average_hours_to_convert
                    paid_social > email,2,2,1,50.00,100.00,2.0
                    """))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JourneyReports.Paths paths(
            @Parameter(description = "First day (ISO date), inclusive", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Revenue counts conversions in this currency", example = "EUR") @QueryParam("currency") @DefaultValue("EUR") String currency,
            @Parameter(description = "Only journeys with a touch of this programme's campaigns") @QueryParam("programmeId") UUID programmeId,
            @Parameter(description = "How many paths, at most "
                    + ReportQuery.MAX_PAGE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000", defaultValue = "50")) @QueryParam("top") @DefaultValue("50") String top) {
        Violations v = new Violations();
        ReportQuery.DateRange range = query.range(v, from, to);
        v.currency("currency", currency);
        Integer paths = QueryValues.integer(v, "top", top, 50, 1, ReportQuery.MAX_PAGE);
        v.throwIfAny();
        return journeyReports.paths(range.from(), range.to(), currency, programmeId, paths);
    }

    @GET
    @Path("/integration")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Integrated vs isolated: what journeys touched by several channels do", description = """
            The journeys that ended on the days from..to (cut as in the paths report), grouped by how many channels \
            touched them (none, one, several): journeys, conversions, conversion rate, revenue, average order value \
            and revenue per journey; the share of revenue that came from multi-channel journeys; and for every pair \
            of channels seen together, the conversion rate of journeys with both against journeys with the first \
            but not the second, and their ratio (lift). The report that answers what the integrated programme did, \
            not what one channel did. `Accept: text/csv` gives groups and pairs in one table.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JourneyReports.Integration.class), examples = @ExampleObject(name = "integration", value = """
                    {"from":"2026-11-01","to":"2026-11-30","currency":"EUR","lookbackDays":30,
                     "groups":[{"group":"single_channel","journeys":2,"conversions":1,"conversionRate":"50.00",
                                "revenue":"50.00","averageOrderValue":"50.00","revenuePerJourney":"25.00"},
                               {"group":"multi_channel","journeys":2,"conversions":1,"conversionRate":"50.00",
                                "revenue":"100.00","averageOrderValue":"100.00","revenuePerJourney":"50.00"}],
                     "multiChannelRevenueShare":"55.56",
                     "pairs":[{"channel":"paid_social","with":"email","journeysWithBoth":2,"conversionRateWithBoth":"50.00",
                               "journeysWithoutOther":1,"conversionRateWithoutOther":"100.00","lift":"0.5000"}],
                     "otherCurrencyConversions":0}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    section,group,with,journeys,conversions,conversion_rate_percent,revenue,average_order_value,revenue_per_journey,lift
                    group,multi_channel,,2,1,50.00,100.00,100.00,50.00,
                    """))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JourneyReports.Integration integration(
            @Parameter(description = "First day (ISO date), inclusive", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Revenue counts conversions in this currency", example = "EUR") @QueryParam("currency") @DefaultValue("EUR") String currency,
            @Parameter(description = "Only journeys with a touch of this programme's campaigns") @QueryParam("programmeId") UUID programmeId) {
        Violations v = new Violations();
        ReportQuery.DateRange range = query.range(v, from, to);
        v.currency("currency", currency);
        v.throwIfAny();
        return journeyReports.integration(range.from(), range.to(), currency, programmeId);
    }
}
