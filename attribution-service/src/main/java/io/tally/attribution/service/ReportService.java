package io.tally.attribution.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.repository.CreditRepository;
import io.tally.attribution.repository.ReportRow;
import io.tally.events.Money;

/** Reads the ledger into reports. Amounts stay exact: minor units summed in SQL, turned into decimals at the end. */
@ApplicationScoped
public class ReportService {

    @Inject
    CreditRepository credits;

    /** Credit per group for conversions on the days {@code from}..{@code to} (inclusive, UTC). */
    public AttributionReport attribution(LocalDate from, LocalDate to, String model, CreditRepository.GroupBy groupBy) {
        List<ReportRow> rows = credits.report(model, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), groupBy);
        List<AttributionReport.Row> out = new ArrayList<>();
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (ReportRow row : rows) {
            out.add(new AttributionReport.Row(row.id(), nameOf(row), row.kind(), row.currency(),
                    Money.ofMinor(row.revenueMinor(), row.currency()).amount(), conversions(row.conversionUnits())));
            long[] total = totals.computeIfAbsent(row.currency(), c -> new long[2]);
            total[0] += row.revenueMinor();
            total[1] += row.conversionUnits();
        }
        List<AttributionReport.Total> totalRows = totals.entrySet().stream()
                .map(e -> new AttributionReport.Total(e.getKey(), Money.ofMinor(e.getValue()[0], e.getKey()).amount(),
                        conversions(e.getValue()[1])))
                .toList();
        return new AttributionReport(from, to, model, groupBy.wireName(), out, totalRows);
    }

    private static String nameOf(ReportRow row) {
        return switch (row.kind()) {
            case "unattributed" -> "unattributed";
            case "unassigned" -> "unassigned";
            default -> row.name() == null ? row.id() : row.name();
        };
    }

    private static BigDecimal conversions(long units) {
        BigDecimal value = BigDecimal.valueOf(units, 6).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
