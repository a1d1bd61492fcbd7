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
        ReportQuery.DateRange range = query.range(v, from, to);
        query.checkModel(v, model);
        v.throwIfAny();
        return reports
                .programmeRoi(new SummaryRepository.Filter(model, range.from(), range.to(), programmeId, null, null));
    }
}
