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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.rest.CsvTableWriter;
import io.tally.events.validation.Violations;
import io.tally.support.problem.Problem;

/** What each integrated programme earned against what it cost, across all its channels. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Credited revenue by programme, campaign and channel")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeRoiResource {

    @Inject
    ReportQuery query;
    @Inject
    ProgrammeRoiService reports;

    @GET
    @Path("/programme-roi")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Programme ROI: what each integrated programme earned against its cost", description = """
            For the days from..to and one attribution model: each programme's credited revenue and every cost it \
            reported (its channels' costs and its shared costs with no channel: agency, production, tools), with ROI \
            ((revenue − cost) / cost) and ROAS (revenue / cost) for the whole programme, and its channels beneath. \
            A channel shows its direct cost and its share of the shared costs, allocated as `sharedCostRule` states \
            (in proportion to direct cost, else to revenue, largest remainder to the cent); its ROI and ROAS count \
            both. Each reported cost line counts with its latest figure. Programmes by revenue. `Accept: text/csv` \
            gives a line per programme (channel empty) followed by its channels.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeRoi.class), examples = @ExampleObject(name = "programmes", value = """
                    {"from":"2026-11-01","to":"2026-11-30","model":"linear",
                     "sharedCostRule":"A programme's shared costs are allocated to its channels in proportion to their direct costs, or to their revenue when it has no direct cost, largest remainder to the cent; ROI and ROAS of a channel count its direct and its allocated cost.",
                     "programmes":[{"id":"3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10","name":"Black Friday 2026","currency":"EUR",
                       "revenue":"12400.00","cost":"3720.00","sharedCost":"620.00","roi":"2.3333","roas":"3.3333",
                       "channels":[{"channel":"email","revenue":"7000.00","cost":"400.00","sharedCost":"80.00","roi":"13.5833","roas":"14.5833"},
                                   {"channel":"paid_social","revenue":"5400.00","cost":"2700.00","sharedCost":"540.00","roi":"0.6667","roas":"1.6667"}]}]}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    programme_id,programme,channel,currency,revenue,cost,shared_cost,roi,roas
                    3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10,Black Friday 2026,,EUR,12400.00,3720.00,620.00,2.3333,3.3333
                    3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10,Black Friday 2026,email,EUR,7000.00,400.00,80.00,13.5833,14.5833
                    """))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "With currency: a rate the conversion needs is not loaded, each named (load it with PUT /api/v1/finance/fx-rates)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgrammeRoi programmeRoi(
            @Parameter(description = "First day (ISO date), inclusive", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Attribution model", example = "linear") @QueryParam("model") @DefaultValue("linear") String model,
            @Parameter(description = "Only this programme") @QueryParam("programmeId") UUID programmeId,
            @Parameter(description = "Report in this currency: revenue and cost of each day converted at that day's rate (422 listing every missing rate); without it one row per programme and currency, nothing converted", example = "EUR") @QueryParam("currency") String currency) {
        Violations v = new Violations();
        ReportQuery.DateRange range = query.range(v, from, to);
        query.checkModel(v, model);
        if (currency != null) {
            v.currency("currency", currency);
        }
        v.throwIfAny();
        return reports.programmeRoi(new SummaryRepository.Filter(model, range.from(), range.to(), programmeId, null,
                null), currency);
    }
}
