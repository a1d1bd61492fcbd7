package io.tally.attribution.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

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
import io.tally.attribution.ledger.ModelCatalogue;
import io.tally.attribution.reports.SummaryRepository.Interval;
import io.tally.attribution.rest.CsvTableWriter;
import io.tally.attribution.rest.QueryDates;
import io.tally.events.Channel;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;

/** Analyst reports over the credit ledger. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Credited revenue by programme, campaign and channel")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** The longest range one report may cover. */
    static final long MAX_DAYS = 366;
    /** The largest JSON page of a summary. */
    static final int MAX_PAGE = 1000;
    /** The highest page index: far past any report's rows, and its offset still fits an int. */
    static final int MAX_PAGE_INDEX = 1_000_000;

    @Inject
    ReportService reports;
    @Inject
    ModelCatalogue catalogue;
    @Inject
    JourneyReportService journeyReports;

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
        LocalDate[] range = range(v, from, to);
        checkModel(v, model);
        GroupBy group = groupBy(v, groupBy);
        v.throwIfAny();
        LocalDate fromDate = range[0];
        LocalDate toDate = range[1];
        return reports.attribution(fromDate, toDate, model.toLowerCase(Locale.ROOT), group);
    }

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
                    + MAX_PAGE_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (JSON), at most "
                    + MAX_PAGE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("size") @DefaultValue("100") String size,
            @Context HttpHeaders headers) {
        Violations v = new Violations();
        LocalDate[] range = range(v, from, to);
        checkModel(v, model);
        GroupBy group = groupBy(v, groupBy);
        Interval bucket = Arrays.stream(Interval.values())
                .filter(i -> i.name().equalsIgnoreCase(interval)).findFirst().orElse(null);
        if (bucket == null) {
            v.add("interval", "must be one of day, week, month, total");
        }
        checkChannel(v, channel);
        String sortField = sort.startsWith("-") ? sort.substring(1) : sort;
        if (!ReportService.SUMMARY_SORTS.contains(sortField)) {
            v.add("sort", "must be one of " + String.join(", ", ReportService.SUMMARY_SORTS)
                    + ", optionally preceded by - for descending order");
        }
        Integer pageIndex = QueryValues.integer(v, "page", page, 0, 0, MAX_PAGE_INDEX);
        Integer pageSize = QueryValues.integer(v, "size", size, 100, 1, MAX_PAGE);
        v.throwIfAny();
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(CsvTableWriter.CSV)) && !t.isWildcardType());
        return reports.summary(new SummaryRepository.Filter(model.toLowerCase(Locale.ROOT), range[0], range[1],
                programmeId, campaignId, channel), group, bucket, sort, csv ? 0 : pageIndex, csv ? 0 : pageSize);
    }

    @GET
    @Path("/model-comparison")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Model comparison: groups × models, against a baseline", description = """
            One table of programmes, campaigns or channels × attribution models for the days from..to (read from the \
            daily roll-up, days as in the summary): each model's credited revenue and conversions and its difference \
            to the baseline model (default last_touch), in amount and percent, so the channels a model credits more \
            or less than the baseline stand out. Rows by the baseline's revenue. Filter by programme, campaign or \
            channel. `Accept: text/csv` gives one line per group and model.""")
    @APIResponse(responseCode = "200", description = "The comparison", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelComparison.class), examples = @ExampleObject(name = "channels", value = """
                    {"from":"2026-11-01","to":"2026-11-30","groupBy":"channel","baseline":"last_touch",
                     "models":["last_touch","linear"],
                     "rows":[{"id":"email","name":"email","kind":"assigned","currency":"EUR","cells":[
                       {"model":"last_touch","revenue":"4250.00","conversions":"35","difference":"0.00","differencePercent":"0.00"},
                       {"model":"linear","revenue":"5120.40","conversions":"41.5","difference":"870.40","differencePercent":"20.48"}]}]}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    group_id,name,kind,currency,model,revenue,conversions,difference_to_last_touch,difference_percent
                    email,email,assigned,EUR,last_touch,4250.00,35,0.00,0.00
                    email,email,assigned,EUR,linear,5120.40,41.5,870.40,20.48
                    """))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelComparison modelComparison(
            @Parameter(description = "First day (ISO date), inclusive", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Models to compare, comma-separated (default: every enabled model)", example = "last_touch,linear,markov") @QueryParam("models") String models,
            @Parameter(description = "The model differences are measured against", example = "last_touch") @QueryParam("baseline") @DefaultValue("last_touch") String baseline,
            @Parameter(description = "programme, campaign or channel", example = "channel") @QueryParam("groupBy") @DefaultValue("channel") String groupBy,
            @Parameter(description = "Only this programme") @QueryParam("programmeId") UUID programmeId,
            @Parameter(description = "Only this campaign") @QueryParam("campaignId") UUID campaignId,
            @Parameter(description = "Only this channel", example = "email") @QueryParam("channel") String channel) {
        Violations v = new Violations();
        LocalDate[] range = range(v, from, to);
        GroupBy group = groupBy(v, groupBy);
        checkChannel(v, channel);
        List<String> chosen = models == null || models.isBlank()
                ? catalogue.enabledModels()
                : Arrays.stream(models.split(",")).map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
        chosen.stream().filter(m -> !catalogue.ledgerModels().contains(m)).findFirst().ifPresent(m -> v.add("models",
                "must name models of " + String.join(", ", catalogue.ledgerModels()) + "; not " + m));
        checkModel(v, baseline, "baseline");
        v.throwIfAny();
        List<String> compared = chosen.contains(baseline)
                ? chosen
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(baseline), chosen.stream()).toList();
        return reports.comparison(new SummaryRepository.Filter(baseline, range[0], range[1], programmeId, campaignId,
                channel), group, compared, baseline);
    }

    @GET
    @Path("/programme-roi")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Programme ROI: what each integrated programme earned against its cost", description = """
            For the days from..to and one attribution model: each programme's credited revenue and its cost from \
            every channel, with ROI ((revenue − cost) / cost) and ROAS (revenue / cost) for the whole programme, and \
            its channels beneath. Programmes by revenue. `Accept: text/csv` gives a line per programme (channel \
            empty) followed by its channels.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeRoi.class), examples = @ExampleObject(name = "programmes", value = """
                    {"from":"2026-11-01","to":"2026-11-30","model":"linear",
                     "programmes":[{"id":"3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10","name":"Black Friday 2026","currency":"EUR",
                       "revenue":"12400.00","cost":"3100.00","roi":"3.0000","roas":"4.0000",
                       "channels":[{"channel":"email","revenue":"7000.00","cost":"400.00","roi":"16.5000","roas":"17.5000"},
                                   {"channel":"paid_social","revenue":"5400.00","cost":"2700.00","roi":"1.0000","roas":"2.0000"}]}]}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    programme_id,programme,channel,currency,revenue,cost,roi,roas
                    3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10,Black Friday 2026,,EUR,12400.00,3100.00,3.0000,4.0000
                    3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10,Black Friday 2026,email,EUR,7000.00,400.00,16.5000,17.5000
                    """))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgrammeRoi programmeRoi(
            @Parameter(description = "First day (ISO date), inclusive", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Attribution model", example = "linear") @QueryParam("model") @DefaultValue("linear") String model,
            @Parameter(description = "Only this programme") @QueryParam("programmeId") UUID programmeId) {
        Violations v = new Violations();
        LocalDate[] range = range(v, from, to);
        checkModel(v, model);
        v.throwIfAny();
        return reports.programmeRoi(new SummaryRepository.Filter(model, range[0], range[1], programmeId, null, null));
    }

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
                    + MAX_PAGE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000", defaultValue = "50")) @QueryParam("top") @DefaultValue("50") String top) {
        Violations v = new Violations();
        LocalDate[] range = range(v, from, to);
        v.currency("currency", currency);
        Integer paths = QueryValues.integer(v, "top", top, 50, 1, MAX_PAGE);
        v.throwIfAny();
        return journeyReports.paths(range[0], range[1], currency, programmeId, paths);
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
        LocalDate[] range = range(v, from, to);
        v.currency("currency", currency);
        v.throwIfAny();
        return journeyReports.integration(range[0], range[1], currency, programmeId);
    }

    /** The from..to days, each checked; at most {@value #MAX_DAYS} days. */
    private static LocalDate[] range(Violations v, String from, String to) {
        LocalDate fromDate = QueryDates.required(v, "from", from);
        LocalDate toDate = QueryDates.required(v, "to", to);
        if (fromDate != null && toDate != null) {
            if (toDate.isBefore(fromDate)) {
                v.add("to", "must not be before from");
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) >= MAX_DAYS) {
                v.add("to", "the range may cover at most " + MAX_DAYS + " days");
            }
        }
        return new LocalDate[]{fromDate, toDate};
    }

    private void checkModel(Violations v, String model) {
        checkModel(v, model, "model");
    }

    private void checkModel(Violations v, String model, String field) {
        List<String> models = catalogue.ledgerModels();
        if (!models.contains(model)) {
            v.add(field, "must be one of " + String.join(", ", models));
        }
    }

    private static void checkChannel(Violations v, String channel) {
        if (channel != null && Channel.fromWireName(channel).isEmpty()) {
            v.add("channel", "must be one of " + Arrays.stream(Channel.values()).map(Channel::wireName)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static GroupBy groupBy(Violations v, String groupBy) {
        GroupBy group = Arrays.stream(GroupBy.values()).filter(g -> g.wireName().equals(groupBy)).findFirst()
                .orElse(null);
        if (group == null) {
            v.add("groupBy", "must be one of " + Arrays.stream(GroupBy.values()).map(GroupBy::wireName)
                    .collect(Collectors.joining(", ")));
        }
        return group;
    }
}
