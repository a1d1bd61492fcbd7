package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.attribution.rest.CsvTable;

/**
 * The finance revenue report of one accounting period, per currency: booked revenue, refunds and cancellations, net
 * revenue; the net attributed by programme, channel and campaign under one model, the unassigned and unattributed
 * lines, and a reconciliation line saying whether attributed + unassigned + unattributed equals net to the cent.
 */
@Schema(name = "FinanceRevenueReport")
public record FinanceReport(
        @Schema(examples = "2026-11") String period,
        @Schema(description = "open or closed; a closed period's report never changes", examples = "closed") String state,
        @Schema(examples = "linear") String model,
        @Schema(description = "Only this programme's attributed revenue (booked and net are company-wide and left out)") UUID programmeId,
        @Schema(description = "How amounts are stated", examples = "Amounts are in each conversion's own currency, one section per currency; nothing is converted.") String currencyPolicy,
        List<Section> currencies) implements CsvTable {

    /** One currency's figures. */
    @Schema(name = "FinanceRevenueSection")
    public record Section(
            @Schema(examples = "EUR") String currency,
            @Schema(description = "Revenue of the conversions booked in the period", examples = "10000.00") BigDecimal booked,
            @Schema(description = "Refunds posted in the period (negative)", examples = "-250.00") BigDecimal refunds,
            @Schema(description = "Cancellations posted in the period (negative)", examples = "-100.00") BigDecimal cancellations,
            @Schema(description = "booked + refunds + cancellations (+ restores)", examples = "9650.00") BigDecimal net,
            @Schema(description = "Attributed to campaigns of programmes") BigDecimal attributed,
            List<Line> byProgramme,
            List<Line> byChannel,
            List<Line> byCampaign,
            @Schema(description = "Credited to touches whose code resolves to no campaign", examples = "120.00") BigDecimal unassigned,
            @Schema(description = "Net revenue of conversions with no eligible touch", examples = "530.00") BigDecimal unattributed,
            Reconciliation reconciliation) {
    }

    /** One group's attributed revenue. */
    @Schema(name = "FinanceRevenueLine")
    public record Line(
            @Schema(description = "Programme or campaign id, or channel") String id,
            @Schema(examples = "Black Friday 2026") String name,
            @Schema(examples = "9000.00") BigDecimal amount) {
    }

    /** Whether the attributed lines account for the net revenue exactly. */
    @Schema(name = "FinanceReconciliation")
    public record Reconciliation(
            @Schema(description = "attributed + unassigned + unattributed", examples = "9650.00") BigDecimal accountedFor,
            @Schema(description = "What it must equal: net revenue (or, for one programme, its attributed total)", examples = "9650.00") BigDecimal expected,
            @Schema(examples = "0.00") BigDecimal difference,
            @Schema(examples = "true") boolean reconciled,
            @Schema(examples = "attributed 9000.00 + unassigned 120.00 + unattributed 530.00 = net 9650.00") String statement) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("period", "currency", "section", "group_id", "name", "amount");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Section s : currencies) {
            add(rows, s.currency(), "booked", null, null, s.booked());
            add(rows, s.currency(), "refunds", null, null, s.refunds());
            add(rows, s.currency(), "cancellations", null, null, s.cancellations());
            add(rows, s.currency(), "net", null, null, s.net());
            s.byProgramme().forEach(l -> add(rows, s.currency(), "attributed_by_programme", l.id(), l.name(),
                    l.amount()));
            s.byChannel().forEach(l -> add(rows, s.currency(), "attributed_by_channel", l.id(), l.name(), l.amount()));
            s.byCampaign().forEach(l -> add(rows, s.currency(), "attributed_by_campaign", l.id(), l.name(),
                    l.amount()));
            add(rows, s.currency(), "attributed", null, null, s.attributed());
            add(rows, s.currency(), "unassigned", null, null, s.unassigned());
            add(rows, s.currency(), "unattributed", null, null, s.unattributed());
            add(rows, s.currency(), "reconciliation_difference", null, s.reconciliation().statement(),
                    s.reconciliation().difference());
        }
        return rows;
    }

    private void add(List<List<String>> rows, String currency, String section, String id, String name,
            BigDecimal amount) {
        if (amount != null) {
            rows.add(Arrays.asList(period, currency, section, id, CsvTable.text(name), CsvTable.decimal(amount)));
        }
    }

    @Override
    public String csvFilename() {
        return "finance-revenue_" + period + "_" + model + (programmeId == null ? "" : "_" + programmeId) + ".csv";
    }
}
