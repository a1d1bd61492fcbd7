package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.attribution.rest.CsvTable;

/**
 * The attribution summary: per time bucket and programme, campaign or channel, the revenue credited under one model,
 * the fractional conversions, the reported cost, ROAS, CPA and the group's share of the bucket's revenue.
 */
@Schema(name = "SummaryReport")
public record SummaryReport(
        @Schema(examples = "2026-11-01") LocalDate from,
        @Schema(examples = "2026-11-30") LocalDate to,
        @Schema(examples = "linear") String model,
        @Schema(enumeration = {
                "programme", "campaign", "channel"}, examples = "programme") String groupBy,
        @Schema(enumeration = {"day", "week", "month", "total"}, examples = "month") String interval,
        List<Row> rows,
        @Schema(description = "Zero-based page index (JSON only: CSV holds every row)", examples = "0") int page,
        @Schema(description = "Page size used", examples = "100") int size,
        @Schema(description = "Rows in all pages", examples = "2") long totalRows,
        @Schema(description = "Sums over all rows, one per currency") List<Total> totals) implements CsvTable{

    /**
     * One group in one bucket and currency.
     *
     * @param kind assigned, unassigned (touches or costs whose code resolves to no campaign) or unattributed
     *        (conversions with no eligible touch)
     */
    @Schema(name = "SummaryRow")
    public record Row(
            @Schema(description = "First day of the bucket (ISO week starts Monday; total: the from day)", examples = "2026-11-01") LocalDate periodStart,
            @Schema(description = "Programme or campaign id, or channel; absent for unassigned/unattributed", examples = "3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10") String id,
            @Schema(examples = "Black Friday 2026") String name,
            @Schema(enumeration = {
                    "assigned", "unassigned", "unattributed"}) String kind,
            @Schema(examples = "EUR") String currency,
            @Schema(description = "Credited revenue", examples = "1249.90") BigDecimal revenue,
            @Schema(description = "Credited conversions, fractional", examples = "12.5") BigDecimal conversions,
            @Schema(description = "Reported cost", examples = "400.00") BigDecimal cost,
            @Schema(description = "revenue / cost; absent without cost", examples = "3.1248") BigDecimal roas,
            @Schema(description = "cost / conversions; absent without conversions", examples = "32.00") BigDecimal cpa,
            @Schema(description = "Percent of the bucket's revenue in this currency", examples = "92.66") BigDecimal share){
    }

    /** All rows of one currency. */
    @Schema(name = "SummaryTotal")
    public record Total(
            @Schema(examples = "EUR") String currency,
            @Schema(examples = "1348.90") BigDecimal revenue,
            @Schema(examples = "13.5") BigDecimal conversions,
            @Schema(examples = "400.00") BigDecimal cost,
            @Schema(examples = "3.3723") BigDecimal roas) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("period_start", "group_id", "name", "kind", "currency", "revenue", "conversions", "cost",
                "roas", "cpa", "share_percent");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            lines.add(java.util.Arrays.asList(r.periodStart().toString(), r.id(), CsvTable.text(r.name()), r.kind(),
                    r.currency(), CsvTable.decimal(r.revenue()), CsvTable.decimal(r.conversions()),
                    CsvTable.decimal(r.cost()), CsvTable.decimal(r.roas()),
                    CsvTable.decimal(r.cpa()), CsvTable.decimal(r.share())));
        }
        return lines;
    }

    @Override
    public String csvFilename() {
        return "attribution-summary_" + from + "_" + to + "_" + model + "_" + groupBy + "_" + interval + ".csv";
    }

}
