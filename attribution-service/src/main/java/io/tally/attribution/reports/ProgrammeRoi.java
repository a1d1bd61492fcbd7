package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.attribution.rest.CsvTable;

/**
 * What each integrated programme earned against what it cost, across all its channels: revenue (one model), cost,
 * ROI and ROAS for the whole programme, with its channels beneath.
 */
@Schema(name = "ProgrammeRoi")
public record ProgrammeRoi(
        @Schema(examples = "2026-11-01") LocalDate from,
        @Schema(examples = "2026-11-30") LocalDate to,
        @Schema(examples = "linear") String model,
        @Schema(description = "How shared costs (a programme's costs with no channel: agency, production, tools) are allocated to its channels", examples = ProgrammeRoi.SHARED_COST_RULE) String sharedCostRule,
        List<Programme> programmes) implements CsvTable {

    /** The allocation rule of shared costs, as the report states it. */
    public static final String SHARED_COST_RULE = "A programme's shared costs are allocated to its channels in "
            + "proportion to their direct costs, or to their revenue when it has no direct cost, largest remainder to "
            + "the cent; ROI and ROAS of a channel count its direct and its allocated cost.";

    /** One programme in one currency. */
    @Schema(name = "ProgrammeRoiRow")
    public record Programme(
            @Schema(examples = "3f6c1c2e-8d7a-4c55-9a51-0c7c9b1d2e10") String id,
            @Schema(examples = "Black Friday 2026") String name,
            @Schema(examples = "EUR") String currency,
            @Schema(examples = "12400.00") BigDecimal revenue,
            @Schema(description = "Every cost of the programme: its channels' and its shared costs", examples = "3100.00") BigDecimal cost,
            @Schema(description = "Of the cost, what was spent on no channel (agency, production, tools)", examples = "600.00") BigDecimal sharedCost,
            @Schema(description = "(revenue − cost) / cost; absent without cost", examples = "3.0000") BigDecimal roi,
            @Schema(description = "revenue / cost; absent without cost", examples = "4.0000") BigDecimal roas,
            @Schema(description = "The programme's channels, by revenue") List<Channel> channels) {
    }

    /** One channel of a programme. */
    @Schema(name = "ProgrammeRoiChannel")
    public record Channel(
            @Schema(examples = "email") String channel,
            @Schema(examples = "7000.00") BigDecimal revenue,
            @Schema(description = "Spent on this channel", examples = "400.00") BigDecimal cost,
            @Schema(description = "Its share of the programme's shared costs (sharedCostRule)", examples = "100.00") BigDecimal sharedCost,
            @Schema(description = "(revenue − cost − sharedCost) / (cost + sharedCost); absent without either", examples = "13.0000") BigDecimal roi,
            @Schema(description = "revenue / (cost + sharedCost); absent without either", examples = "14.0000") BigDecimal roas) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("programme_id", "programme", "channel", "currency", "revenue", "cost", "shared_cost", "roi",
                "roas");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> lines = new ArrayList<>();
        for (Programme p : programmes) {
            lines.add(Arrays.asList(p.id(), CsvTable.text(p.name()), null, p.currency(), CsvTable.decimal(p.revenue()),
                    CsvTable.decimal(p.cost()), CsvTable.decimal(p.sharedCost()), CsvTable.decimal(p.roi()),
                    CsvTable.decimal(p.roas())));
            for (Channel c : p.channels()) {
                lines.add(Arrays.asList(p.id(), CsvTable.text(p.name()), c.channel(), p.currency(),
                        CsvTable.decimal(c.revenue()), CsvTable.decimal(c.cost()), CsvTable.decimal(c.sharedCost()),
                        CsvTable.decimal(c.roi()), CsvTable.decimal(c.roas())));
            }
        }
        return lines;
    }

    @Override
    public String csvFilename() {
        return "programme-roi_" + from + "_" + to + "_" + model + ".csv";
    }

}
