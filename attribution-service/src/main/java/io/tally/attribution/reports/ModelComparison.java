package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.attribution.rest.CsvTable;

/**
 * One table of programmes, campaigns or channels × attribution models: each model's credited revenue and
 * conversions, and its difference to a baseline model, so the channels a model over- or under-credits stand out.
 */
@Schema(name = "ModelComparison")
public record ModelComparison(
        @Schema(examples = "2026-11-01") LocalDate from,
        @Schema(examples = "2026-11-30") LocalDate to,
        @Schema(examples = "channel") String groupBy,
        @Schema(examples = "last_touch") String baseline,
        @Schema(examples = "[\"last_touch\", \"linear\", \"markov\"]") List<String> models,
        List<Row> rows) implements CsvTable {

    /** One group in one currency, with every model's figures in the order of {@code models}. */
    @Schema(name = "ModelComparisonRow")
    public record Row(
            @Schema(examples = "email") String id,
            @Schema(examples = "email") String name,
            @Schema(enumeration = {
                    "assigned", "unassigned", "unattributed"}) String kind,
            @Schema(examples = "EUR") String currency,
            List<Cell> cells){
    }

    /** One model's figures for a group. */
    @Schema(name = "ModelComparisonCell")
    public record Cell(
            @Schema(examples = "linear") String model,
            @Schema(examples = "5120.40") BigDecimal revenue,
            @Schema(examples = "41.5") BigDecimal conversions,
            @Schema(description = "revenue − the baseline's revenue for the group", examples = "870.40") BigDecimal difference,
            @Schema(description = "difference / baseline revenue, in percent; absent when the baseline has none", examples = "20.48") BigDecimal differencePercent) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("group_id", "name", "kind", "currency", "model", "revenue", "conversions",
                "difference_to_" + baseline, "difference_percent");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            for (Cell c : r.cells()) {
                lines.add(Arrays.asList(r.id(), CsvTable.text(r.name()), r.kind(), r.currency(), c.model(),
                        CsvTable.decimal(c.revenue()), CsvTable.decimal(c.conversions()),
                        CsvTable.decimal(c.difference()), CsvTable.decimal(c.differencePercent())));
            }
        }
        return lines;
    }

    @Override
    public String csvFilename() {
        return "model-comparison_" + from + "_" + to + "_" + groupBy + "_vs_" + baseline + ".csv";
    }
}
