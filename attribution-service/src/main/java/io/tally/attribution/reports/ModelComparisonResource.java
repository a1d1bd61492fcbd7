package io.tally.attribution.reports;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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

/** Credited revenue under several models side by side, against a baseline. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Credited revenue by programme, campaign and channel")
@Produces(MediaType.APPLICATION_JSON)
public class ModelComparisonResource {

    @Inject
    ReportQuery query;
    @Inject
    ModelComparisonService reports;

    @GET
    @Path("/model-comparison")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Model comparison: groups × models, against a baseline", description = """
            One table of programmes, campaigns or channels × attribution models for the days from..to (read from the \
            daily roll-up, days as in the summary): each model's credited revenue and conversions and its difference \
            to the baseline model (default last_touch), in amount and percent, so the channels a model credits more \
            or less than the baseline stand out. Rows by the baseline's revenue. Filter by programme, campaign or \
            channel. `Accept: text/csv` gives one line per group and model.

            Data-driven models (markov, shapley, incremental) are credited by trained versions: `versions` names, per \
            such model, the versions whose credits fall in the range, newest first, with the experiments each was \
            calibrated to. Grouped by channel, each of their \
            cells carries the channel's 90 % bootstrap `interval` from the newest of them (its share of the \
            version's credit, the interval's ends, and the cell's revenue scaled to either end); the ledger keeps \
            point credits, the interval travels with the version.""")
    @APIResponse(responseCode = "200", description = "The comparison", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelComparison.class), examples = @ExampleObject(name = "channels", value = """
                    {"from":"2026-11-01","to":"2026-11-30","groupBy":"channel","baseline":"last_touch",
                     "models":["last_touch","linear","incremental"],
                     "versions":[{"model":"incremental","version":"incremental@rho0.85:2026-10-01..2026-10-31:3f9a1c2b7d4e","trainedAt":"2026-11-01T02:00:00Z",
                                   "experiments":[{"id":"exp-5b1f0d3e-8c1a-4f0e-9a57-0f4c2d1e9b21","revision":2,"channel":"paid_search"}]}],
                     "rows":[{"id":"email","name":"email","kind":"assigned","currency":"EUR","cells":[
                       {"model":"last_touch","revenue":"4250.00","conversions":"35","difference":"0.00","differencePercent":"0.00"},
                       {"model":"linear","revenue":"5120.40","conversions":"41.5","difference":"870.40","differencePercent":"20.48"},
                       {"model":"incremental","revenue":"3760.10","conversions":"30.9","difference":"-489.90","differencePercent":"-11.53",
                        "interval":{"version":"incremental@rho0.85:2026-10-01..2026-10-31:3f9a1c2b7d4e","share":"0.2140","low":"0.1810",
                                    "high":"0.2475","level":"0.9","revenueLow":"3180.27","revenueHigh":"4348.71"}}]}]}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    group_id,name,kind,currency,model,revenue,conversions,difference_to_last_touch,difference_percent,interval_low,interval_high,interval_level,interval_version
                    email,email,assigned,EUR,last_touch,4250.00,35,0.00,0.00,,,,
                    email,email,assigned,EUR,linear,5120.40,41.5,870.40,20.48,,,,
                    email,email,assigned,EUR,incremental,3760.10,30.9,-489.90,-11.53,3180.27,4348.71,0.9,incremental@rho0.85:2026-10-01..2026-10-31:3f9a1c2b7d4e
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
        ReportQuery.DateRange range = query.range(v, from, to);
        GroupBy group = ReportQuery.groupBy(v, groupBy);
        ReportQuery.checkChannel(v, channel);
        List<String> chosen = models == null || models.isBlank()
                ? query.catalogue().enabledModels()
                : Arrays.stream(models.split(",")).map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
        chosen.stream().filter(m -> !query.catalogue().ledgerModels().contains(m)).findFirst()
                .ifPresent(m -> v.add("models",
                        "must name models of " + String.join(", ", query.catalogue().ledgerModels()) + "; not " + m));
        query.checkModel(v, baseline, "baseline");
        v.throwIfAny();
        List<String> compared = chosen.contains(baseline)
                ? chosen
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(baseline), chosen.stream()).toList();
        return reports
                .comparison(new SummaryRepository.Filter(baseline, range.from(), range.to(), programmeId, campaignId,
                        channel), group, compared, baseline);
    }
}
