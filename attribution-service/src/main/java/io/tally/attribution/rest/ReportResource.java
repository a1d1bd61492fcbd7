package io.tally.attribution.rest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

import io.tally.attribution.repository.CreditRepository.GroupBy;
import io.tally.attribution.service.AttributionReport;
import io.tally.attribution.service.CreditService;
import io.tally.attribution.service.ReportService;
import io.tally.events.validation.Violations;
import io.tally.support.problem.Problem;

/** Analyst reports over the credit ledger. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Credited revenue by programme, campaign and channel")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** The longest range one report may cover. */
    static final long MAX_DAYS = 366;

    @Inject
    ReportService reports;
    @Inject
    CreditService credits;

    @GET
    @Path("/attribution")
    @Operation(summary = "Credited revenue by programme, campaign or channel", description = """
            Sums the credit ledger for conversions that happened on the days from..to (inclusive, UTC) under one \
            attribution model. Each row carries the group's id and name, its credited revenue (decimal string, in \
            the conversion's currency) and its fractional conversions. Conversions with no eligible touch appear as \
            an `unattributed` row; touches whose tracking code resolves to no campaign as `unassigned`. Rows of one \
            currency sum exactly to the revenue those conversions booked (see `totals`).""")
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
        LocalDate fromDate = QueryDates.required(v, "from", from);
        LocalDate toDate = QueryDates.required(v, "to", to);
        if (fromDate != null && toDate != null) {
            if (toDate.isBefore(fromDate)) {
                v.add("to", "must not be before from");
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) >= MAX_DAYS) {
                v.add("to", "the range may cover at most " + MAX_DAYS + " days");
            }
        }
        List<String> models = credits.ledgerModels();
        if (!models.contains(model)) {
            v.add("model", "must be one of " + String.join(", ", models));
        }
        GroupBy group = Arrays.stream(GroupBy.values()).filter(g -> g.wireName().equals(groupBy)).findFirst()
                .orElse(null);
        if (group == null) {
            v.add("groupBy", "must be one of " + Arrays.stream(GroupBy.values()).map(GroupBy::wireName)
                    .collect(Collectors.joining(", ")));
        }
        v.throwIfAny();
        return reports.attribution(fromDate, toDate, model.toLowerCase(Locale.ROOT), group);
    }

}
