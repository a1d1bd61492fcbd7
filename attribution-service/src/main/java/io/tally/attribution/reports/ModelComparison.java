package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.time.Instant;
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
        @Schema(description = "Per data-driven model compared, the trained versions whose credits make up its figures, newest first") List<VersionUsed> versions,
        List<Row> rows) implements CsvTable {

    /** A trained version of a data-driven model that credited conversions of the range. */
    @Schema(name = "ModelComparisonVersion")
    public record VersionUsed(
            @Schema(examples = "incremental") String model,
            @Schema(examples = "incremental@rho0.85;experiments=1c9e4a2f:2026-10-01..2026-10-31:3f9a1c2b7d4e") String version,
            @Schema(examples = "2026-11-01T02:00:00Z") Instant trainedAt,
            @Schema(description = "The experiments the version was calibrated to (incremental; empty when none)") List<ExperimentApplied> experiments) {
    }

    /** An experiment revision a version was calibrated to. */
    @Schema(name = "ModelComparisonExperiment")
    public record ExperimentApplied(
            @Schema(examples = "exp-5b1f0d3e-8c1a-4f0e-9a57-0f4c2d1e9b21") String id,
            @Schema(examples = "2") int revision,
            @Schema(examples = "paid_search") String channel) {
    }

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
            @Schema(description = "difference / baseline revenue, in percent; absent when the baseline has none", examples = "20.48") BigDecimal differencePercent,
            @Schema(description = "Channel rows of a data-driven model: the channel's 90 % bootstrap interval from the newest version that credited the range; absent for rule-based models, other groupings and versions trained without intervals") ShareInterval interval) {
    }

    /**
     * A channel's share of a trained version's credit with its bootstrap interval (as the version carries it), and
     * the cell's revenue scaled by the interval's ends over that share: what the channel would have been credited at
     * either end.
     */
    @Schema(name = "ModelComparisonInterval")
    public record ShareInterval(
            @Schema(description = "The version the interval comes from", examples = "incremental@rho0.85:2026-10-01..2026-10-31:3f9a1c2b7d4e") String version,
            @Schema(description = "The channel's share of the version's credit", examples = "0.2140") BigDecimal share,
            @Schema(description = "Lower end of the share's interval", examples = "0.1810") BigDecimal low,
            @Schema(description = "Upper end of the share's interval", examples = "0.2475") BigDecimal high,
            @Schema(examples = "0.9") BigDecimal level,
            @Schema(description = "revenue × low / share; absent when the share is 0", examples = "4330.73") BigDecimal revenueLow,
            @Schema(description = "revenue × high / share; absent when the share is 0", examples = "5921.69") BigDecimal revenueHigh) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("group_id", "name", "kind", "currency", "model", "revenue", "conversions",
                "difference_to_" + baseline, "difference_percent", "interval_low", "interval_high", "interval_level",
                "interval_version");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            for (Cell c : r.cells()) {
                lines.add(Arrays.asList(r.id(), CsvTable.text(r.name()), r.kind(), r.currency(), c.model(),
                        CsvTable.decimal(c.revenue()), CsvTable.decimal(c.conversions()),
                        CsvTable.decimal(c.difference()), CsvTable.decimal(c.differencePercent()),
                        c.interval() == null ? null : CsvTable.decimal(c.interval().revenueLow()),
                        c.interval() == null ? null : CsvTable.decimal(c.interval().revenueHigh()),
                        c.interval() == null ? null : CsvTable.decimal(c.interval().level()),
                        c.interval() == null ? null : c.interval().version()));
            }
        }
        return lines;
    }

    @Override
    public String csvFilename() {
        return "model-comparison_" + from + "_" + to + "_" + groupBy + "_vs_" + baseline + ".csv";
    }
}
