package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.attribution.rest.CsvTable;

/** The attribution report: credited revenue and conversions per group, for one model and date range. */
@Schema(name = "AttributionReport")
public record AttributionReport(
        @Schema(description = "First day, inclusive (UTC)", examples = "2026-11-01") LocalDate from,
        @Schema(description = "Last day, inclusive (UTC)", examples = "2026-11-30") LocalDate to,
        @Schema(examples = "linear") String model,
        @Schema(examples = "programme") String groupBy,
        List<Row> rows,
        @Schema(description = "Sums over all rows, one per currency") List<Total> totals) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("group_id", "name", "kind", "currency", "revenue", "conversions");
    }

    @Override
    public List<List<String>> csvRows() {
        return rows.stream().map(r -> java.util.Arrays.asList(r.id(), CsvTable.text(r.name()), r.kind(),
                r.currency(), CsvTable.decimal(r.revenue()), CsvTable.decimal(r.conversions()))).toList();
    }

    @Override
    public String csvFilename() {
        return "attribution_" + from + "_" + to + "_" + model + "_" + groupBy + ".csv";
    }

    /**
     * One group.
     *
     * @param kind assigned, unassigned (touches whose tracking code resolves to no campaign) or unattributed
     *        (conversions with no eligible touch)
     */
    @Schema(name = "AttributionReportRow")
    public record Row(
            @Schema(description = "Programme or campaign id, or channel name; absent for unassigned/unattributed", examples = "3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10") String id,
            @Schema(examples = "Black Friday 2026") String name,
            @Schema(enumeration = {
                    "assigned", "unassigned", "unattributed"}) String kind,
            @Schema(examples = "EUR") String currency,
            @Schema(description = "Credited revenue, a decimal string", examples = "1249.90") BigDecimal revenue,
            @Schema(description = "Credited conversions, fractional", examples = "12.5") BigDecimal conversions){
    }

    /** Sum of all rows in one currency: the revenue booked by the conversions in range. */
    @Schema(name = "AttributionReportTotal")
    public record Total(
            @Schema(examples = "EUR") String currency,
            @Schema(examples = "5210.40") BigDecimal revenue,
            @Schema(examples = "48") BigDecimal conversions) {
    }
}
