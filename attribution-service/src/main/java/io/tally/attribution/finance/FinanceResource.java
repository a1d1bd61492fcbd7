package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.finance.PeriodService.PeriodView;
import io.tally.attribution.ledger.ModelCatalogue;
import io.tally.attribution.rest.CsvTableWriter;
import io.tally.attribution.rest.QueryDates;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;

/** Finance: accounting periods and the revenue report that reconciles to the cent. */
@Path("/api/v1/finance")
@Tag(name = "Finance", description = "Revenue reports that reconcile, and accounting periods that close")
@Produces(MediaType.APPLICATION_JSON)
public class FinanceResource {

    /** The body of a close or reopen. */
    @Schema(name = "PeriodChange")
    public record PeriodChange(
            @Schema(description = "Why (required to reopen)", examples = "November books closed after review") @Size(max = 500) String reason) {
    }

    /** The body of a reopen: the reason is required. */
    @Schema(name = "PeriodReopen")
    public record PeriodReopen(
            @Schema(required = true, description = "Why the closed period is reopened", examples = "Late supplier credit note") @NotBlank @Size(max = 500) String reason) {
    }

    static final String PERIODS_EXAMPLE = """
            [{"period":"2026-10","state":"closed","changedAt":"2026-11-03T09:00:00Z","changedBy":"fiona.finance",
              "reason":"October books closed"},
             {"period":"2026-11","state":"open"}]""";

    @Inject
    PeriodService periods;
    @Inject
    RevenueReportService revenue;
    @Inject
    FxRateService fxRates;
    @Inject
    ModelCatalogue catalogue;

    @GET
    @Path("/periods")
    @Operation(summary = "Accounting periods", description = "Every month from the ledger's first to the current one,"
            + " oldest first, open or closed (UTC months).")
    @APIResponse(responseCode = "200", description = "The periods", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PeriodView.class), examples = @ExampleObject(name = "periods", value = PERIODS_EXAMPLE)))
    public List<PeriodView> periods() {
        return periods.periods();
    }

    @POST
    @Path("/periods/{period}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a period", description = """
            Freezes an ended month: from now on nothing is posted into it. A refund, cancellation, late touch, \
            identity merge or re-attribution that concerns one of its conversions is posted as adjustment rows into \
            the first open period after it, so the period's reports return the same figures for good.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = PeriodChange.class), examples = @ExampleObject(name = "close", value = "{\"reason\":\"November books closed after review\"}")))
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = PeriodView.class), examples = @ExampleObject(name = "closed", value = """
            {"period":"2026-10","state":"closed","changedAt":"2026-11-03T09:00:00Z","changedBy":"fiona.finance",
             "reason":"October books closed after review"}""")))
    @APIResponse(responseCode = "400", description = "Not a month", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Closed already, or not ended yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PeriodView close(
            @Parameter(description = "The month", example = "2026-10") @PathParam("period") String period,
            @Valid PeriodChange change) {
        return periods.close(period, change == null ? null : change.reason());
    }

    @POST
    @Path("/periods/{period}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a closed period", description = "Opens a closed month again, with the reason in its"
            + " audit entry; postings for its conversions go into it again. Admins only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PeriodReopen.class), examples = @ExampleObject(name = "reopen", value = "{\"reason\":\"Late supplier credit note\"}")))
    @APIResponse(responseCode = "200", description = "Reopened", content = @Content(schema = @Schema(implementation = PeriodView.class), examples = @ExampleObject(name = "reopened", value = """
            {"period":"2026-10","state":"open","changedAt":"2026-11-05T14:30:00Z","changedBy":"ada.admin",
             "reason":"Late supplier credit note"}""")))
    @APIResponse(responseCode = "400", description = "Not a month, or no reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The period is open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PeriodView reopen(
            @Parameter(description = "The month", example = "2026-10") @PathParam("period") String period,
            @Valid @NotNull PeriodReopen change) {
        return periods.reopen(period, change.reason());
    }

    @GET
    @Path("/revenue")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.CSV})
    @Operation(summary = "Revenue report of a period, reconciled", description = """
            For one accounting period (a UTC month) and one attribution model, per currency: revenue booked by the \
            period's conversions, refunds and cancellations posted in it, net revenue; the net attributed by \
            programme, channel and campaign, the unassigned line (touches whose code resolves to no campaign) and the \
            unattributed line (conversions with no eligible touch); and a reconciliation line: attributed + \
            unassigned + unattributed = net, to the cent, or the difference. A closed period's report never changes: \
            later changes are posted into the first open period. With programmeId, only that programme's attributed \
            revenue (its campaigns and channels, which must agree). Amounts stay in each conversion's currency (one \
            section per currency). `Accept: text/csv` gives a spreadsheet-ready CSV with a file name.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FinanceReport.class), examples = @ExampleObject(name = "company", value = """
                    {"period":"2026-11","state":"open","model":"linear",
                     "currencyPolicy":"Amounts are in each conversion's own currency, one section per currency; nothing is converted.",
                     "currencies":[{"currency":"EUR","booked":"10000.00","refunds":"-250.00","cancellations":"-100.00",
                       "net":"9650.00","attributed":"9000.00",
                       "byProgramme":[{"id":"3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10","name":"Black Friday 2026","amount":"9000.00"}],
                       "byChannel":[{"id":"email","name":"email","amount":"5000.00"},{"id":"paid_social","name":"paid_social","amount":"4000.00"}],
                       "byCampaign":[{"id":"5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84","name":"BF email","amount":"5000.00"},
                                     {"id":"9a1e0c3d-77b2-4f0e-8d6a-3c5b2e1f0a99","name":"BF social","amount":"4000.00"}],
                       "unassigned":"120.00","unattributed":"530.00",
                       "reconciliation":{"accountedFor":"9650.00","expected":"9650.00","difference":"0.00","reconciled":true,
                         "statement":"attributed 9000.00 + unassigned 120.00 + unattributed 530.00 = 9650.00; net 9650.00: reconciled"}}]}""")),
            @Content(mediaType = CsvTableWriter.CSV, examples = @ExampleObject(name = "csv", value = """
                    period,currency,section,group_id,name,amount
                    2026-11,EUR,booked,,,10000.00
                    2026-11,EUR,refunds,,,-250.00
                    2026-11,EUR,net,,,9650.00
                    """))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FinanceReport revenue(
            @Parameter(description = "The month", example = "2026-11", required = true) @QueryParam("period") String period,
            @Parameter(description = "The attribution model; default: with programmeId the programme's official model, otherwise linear", example = "linear") @QueryParam("model") String model,
            @Parameter(description = "Only this programme's attributed revenue") @QueryParam("programmeId") UUID programmeId,
            @Parameter(description = "Report in this currency, converting at transaction-date rates (for one programme: its reporting currency unless given)", example = "EUR") @QueryParam("currency") String currency) {
        Violations v = new Violations();
        v.required("period", period);
        if (model != null && !catalogue.ledgerModels().contains(model)) {
            v.add("model", "must be one of " + String.join(", ", catalogue.ledgerModels()));
        }
        if (currency != null) {
            v.currency("currency", currency);
        }
        v.throwIfAny();
        return revenue.revenue(period, model, programmeId, currency);
    }

    /** The body of {@code PUT /api/v1/finance/fx-rates}. */
    @Schema(name = "FxRates")
    public record FxRatesRequest(@NotNull @Size(min = 1, max = 10000) List<@NotNull @Valid FxRate> rates) {
    }

    /** One day's rate: 1 currency = rate quote. */
    @Schema(name = "FxRate")
    public record FxRate(
            @Schema(required = true, examples = "2026-11-03") @NotNull LocalDate date,
            @Schema(required = true, description = "ISO 4217", examples = "USD") @NotNull String currency,
            @Schema(required = true, description = "ISO 4217: the currency the rate converts into", examples = "EUR") @NotNull String quote,
            @Schema(required = true, description = "Units of quote per unit of currency, a positive decimal", examples = "0.92345") @NotNull @Positive BigDecimal rate) {
    }

    @PUT
    @Path("/fx-rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load FX rates", description = """
            Stores daily rates (1 unit of currency = rate units of quote), each replacing the rate of its day, \
            currency and quote. Reports in a reporting currency convert each conversion at the rate of its \
            transaction date (its UTC date); a missing rate is an explicit 422, never 1.0.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FxRatesRequest.class), examples = @ExampleObject(name = "rates", value = """
            {"rates":[{"date":"2026-11-03","currency":"USD","quote":"EUR","rate":"0.92345"},
                      {"date":"2026-11-03","currency":"GBP","quote":"EUR","rate":"1.1412"}]}""")))
    @APIResponse(responseCode = "200", description = "Stored; how many", content = @Content(examples = @ExampleObject(name = "stored", value = "{\"stored\":2}")))
    @APIResponse(responseCode = "400", description = "Invalid rates, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Integer> putRates(@Valid @NotNull FxRatesRequest request) {
        Violations v = new Violations();
        for (int i = 0; i < request.rates().size(); i++) {
            FxRate r = request.rates().get(i);
            if (!QueryValues.allowed(r.date())) {
                v.add("rates[" + i + "].date", QueryValues.DATE_REASON);
            }
            v.currency("rates[" + i + "].currency", r.currency());
            v.currency("rates[" + i + "].quote", r.quote());
            if (r.currency().equals(r.quote())) {
                v.add("rates[" + i + "].quote", "must differ from currency");
            }
        }
        v.throwIfAny();
        return Map.of("stored", fxRates.putRates(request.rates().stream()
                .map(r -> new FxRates.Rate(r.date(), r.currency(), r.quote(), r.rate())).toList()));
    }

    @GET
    @Path("/fx-rates")
    @Operation(summary = "FX rates loaded", description = "The stored rates of the days from..to, optionally of one"
            + " currency, by day and currency.")
    @APIResponse(responseCode = "200", description = "The rates", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FxRate.class), examples = @ExampleObject(name = "rates", value = """
            [{"date":"2026-11-03","currency":"GBP","quote":"EUR","rate":"1.1412"},
             {"date":"2026-11-03","currency":"USD","quote":"EUR","rate":"0.92345"}]""")))
    @APIResponse(responseCode = "400", description = "A missing or invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<FxRate> rates(
            @Parameter(description = "First day", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "Last day", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "Only this currency", example = "USD") @QueryParam("currency") String currency) {
        Violations v = new Violations();
        LocalDate fromDate = QueryDates.required(v, "from", from);
        LocalDate toDate = QueryDates.required(v, "to", to);
        if (currency != null) {
            v.currency("currency", currency);
        }
        v.throwIfAny();
        return fxRates.rates(fromDate, toDate, currency).stream()
                .map(r -> new FxRate(r.day(), r.currency(), r.quote(), r.rate())).toList();
    }
}
