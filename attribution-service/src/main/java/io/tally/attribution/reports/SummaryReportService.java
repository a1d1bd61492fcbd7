package io.tally.attribution.reports;

import static io.tally.attribution.reports.ReportFigures.conversions;
import static io.tally.attribution.reports.ReportFigures.money;
import static io.tally.attribution.reports.ReportFigures.percent;
import static io.tally.events.Ratios.roas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.ledger.CreditRepository;

/**
 * The attribution summary: revenue from the daily roll-up and reported costs, merged per bucket, group and currency,
 * with ROAS, CPA and each row's share of its bucket's revenue.
 */
@ApplicationScoped
public class SummaryReportService {

    /** The sort keys the summary accepts, by API name. */
    public static final List<String> SUMMARY_SORTS = List.of("revenue", "conversions", "cost", "roas", "name",
            "periodStart");

    @Inject
    SummaryRepository summaries;

    /** The row a revenue or cost line belongs to. */
    private record RowKey(LocalDate bucket, String kind, String id, String currency) {
    }

    /** A bucket's revenue is summed per currency, for the shares. */
    private record BucketKey(LocalDate bucket, String currency) {
    }

    /** The parts of one summary row, summed. */
    private static final class Parts {
        final RowKey key;
        final String name;
        long revenueMinor;
        long units;
        long costMinor;

        Parts(RowKey key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    /**
     * The summary sorted by {@code sort} ({@code -} first for descending), then by bucket, name and currency; one page
     * of it, or every row when {@code size} is 0.
     */
    @Transactional
    public SummaryReport summary(SummaryRepository.Filter filter, CreditRepository.GroupBy groupBy,
            SummaryRepository.Interval interval, String sort, int page, int size) {
        Map<RowKey, Parts> parts = new LinkedHashMap<>();
        for (SummaryRepository.Revenue r : summaries.revenue(filter, groupBy, interval)) {
            RowKey key = new RowKey(r.bucket(), r.kind(), r.id(), r.currency());
            Parts p = parts.computeIfAbsent(key, k -> new Parts(k, r.name()));
            p.revenueMinor += r.amountMinor();
            p.units += r.conversionUnits();
        }
        for (SummaryRepository.Spend c : summaries.costs(filter, groupBy, interval)) {
            RowKey key = new RowKey(c.bucket(), c.id() == null ? "unassigned" : "assigned", c.id(), c.currency());
            Parts p = parts.computeIfAbsent(key, k -> new Parts(k, c.id() == null ? null : c.name()));
            p.costMinor += c.amountMinor();
        }
        Map<BucketKey, Long> bucketRevenue = new HashMap<>();
        Map<String, Parts> totals = new TreeMap<>();
        for (Parts p : parts.values()) {
            bucketRevenue.merge(new BucketKey(p.key.bucket(), p.key.currency()), p.revenueMinor, Long::sum);
            Parts t = totals.computeIfAbsent(p.key.currency(), c -> new Parts(null, null));
            t.revenueMinor += p.revenueMinor;
            t.units += p.units;
            t.costMinor += p.costMinor;
        }
        List<SummaryReport.Row> rows = new ArrayList<>();
        for (Parts p : parts.values()) {
            RowKey k = p.key;
            BigDecimal revenue = money(p.revenueMinor, k.currency());
            BigDecimal cost = money(p.costMinor, k.currency());
            long bucketTotal = bucketRevenue.get(new BucketKey(k.bucket(), k.currency()));
            rows.add(new SummaryReport.Row(k.bucket(), k.id(), k.kind().equals("assigned") ? p.name : k.kind(),
                    k.kind(), k.currency(), revenue, conversions(p.units), cost, roas(revenue, cost),
                    p.units == 0
                            ? null
                            : cost.multiply(BigDecimal.valueOf(1_000_000)).divide(
                                    BigDecimal.valueOf(p.units), cost.scale(), RoundingMode.HALF_EVEN),
                    percent(p.revenueMinor, bucketTotal)));
        }
        rows.sort(order(sort));
        List<SummaryReport.Total> totalRows = totals.entrySet().stream().map(e -> {
            BigDecimal revenue = money(e.getValue().revenueMinor, e.getKey());
            BigDecimal cost = money(e.getValue().costMinor, e.getKey());
            return new SummaryReport.Total(e.getKey(), revenue, conversions(e.getValue().units), cost,
                    roas(revenue, cost));
        }).toList();
        List<SummaryReport.Row> shown = size == 0
                ? rows
                : rows.subList(Math.min(rows.size(), page * size), Math.min(rows.size(), (page + 1) * size));
        return new SummaryReport(filter.from(), filter.to(), filter.model(), groupBy.wireName(),
                interval.name().toLowerCase(Locale.ROOT), shown, page, size == 0 ? rows.size() : size, rows.size(),
                totalRows);
    }

    private static Comparator<SummaryReport.Row> order(String sort) {
        String field = sort == null || sort.isBlank() ? "-revenue" : sort.strip();
        boolean descending = field.startsWith("-");
        Comparator<SummaryReport.Row> order = switch (descending ? field.substring(1) : field) {
            case "conversions" -> Comparator.comparing(SummaryReport.Row::conversions);
            case "cost" -> Comparator.comparing(SummaryReport.Row::cost);
            case "roas" -> Comparator.comparing(SummaryReport.Row::roas,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "name" -> Comparator.comparing(r -> r.name() == null ? "" : r.name().toLowerCase(Locale.ROOT));
            case "periodStart" -> Comparator.comparing(SummaryReport.Row::periodStart);
            default -> Comparator.comparing(SummaryReport.Row::revenue);
        };
        if (descending) {
            order = order.reversed();
        }
        return order.thenComparing(SummaryReport.Row::periodStart)
                .thenComparing(r -> r.name() == null ? "" : r.name())
                .thenComparing(SummaryReport.Row::currency);
    }
}
