package io.tally.attribution.reports;

import static io.tally.attribution.reports.ReportFigures.conversions;
import static io.tally.attribution.reports.ReportFigures.money;
import static io.tally.attribution.reports.ReportFigures.nameOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.ledger.CreditRepository;

/** The attribution report from the ledger. Amounts stay exact: minor units summed in SQL, decimals at the end. */
@ApplicationScoped
public class AttributionReportService {

    @Inject
    CreditRepository credits;

    /** Revenue and conversions of one currency, summed. */
    private static final class Totals {
        long revenueMinor;
        long units;
    }

    /** Credit per group for conversions on the days {@code from}..{@code to} (inclusive, UTC). */
    public AttributionReport attribution(LocalDate from, LocalDate to, String model, CreditRepository.GroupBy groupBy) {
        List<AttributionReport.Row> out = new ArrayList<>();
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (ReportRow row : credits.report(model, from, to, groupBy)) {
            out.add(new AttributionReport.Row(row.id(), nameOf(row), row.kind(), row.currency(),
                    money(row.revenueMinor(), row.currency()), conversions(row.conversionUnits())));
            Totals total = totals.computeIfAbsent(row.currency(), c -> new Totals());
            total.revenueMinor += row.revenueMinor();
            total.units += row.conversionUnits();
        }
        List<AttributionReport.Total> totalRows = totals.entrySet().stream()
                .map(e -> new AttributionReport.Total(e.getKey(), money(e.getValue().revenueMinor, e.getKey()),
                        conversions(e.getValue().units)))
                .toList();
        return new AttributionReport(from, to, model, groupBy.wireName(), out, totalRows);
    }
}
