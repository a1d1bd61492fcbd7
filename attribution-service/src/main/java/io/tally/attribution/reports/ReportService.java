package io.tally.attribution.reports;

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
import io.tally.events.Money;

/** Reads the ledger into reports. Amounts stay exact: minor units summed in SQL, turned into decimals at the end. */
@ApplicationScoped
public class ReportService {

    @Inject
    CreditRepository credits;
    @Inject
    SummaryRepository summaries;

    /** Credit per group for conversions on the days {@code from}..{@code to} (inclusive, UTC). */
    public AttributionReport attribution(LocalDate from, LocalDate to, String model, CreditRepository.GroupBy groupBy) {
        List<ReportRow> rows = credits.report(model, from, to, groupBy);
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

    /** The sort keys the summary accepts, by API name. */
    public static final List<String> SUMMARY_SORTS = List.of("revenue", "conversions", "cost", "roas", "name",
            "periodStart");

    /**
     * The attribution summary: revenue from the daily roll-up and costs, merged per bucket, group and currency, with
     * ROAS, CPA and share of the bucket's revenue; sorted by {@code sort} ({@code -} first for descending), then by
     * bucket, name and currency; one page of it, or every row when {@code size} is 0.
     */
    @Transactional
    public SummaryReport summary(SummaryRepository.Filter filter, CreditRepository.GroupBy groupBy,
            SummaryRepository.Interval interval, String sort, int page, int size) {
        Map<String, SummaryParts> parts = new LinkedHashMap<>();
        for (SummaryRepository.Revenue r : summaries.revenue(filter, groupBy, interval)) {
            SummaryParts p = parts.computeIfAbsent(r.bucket() + "|" + r.kind() + "|" + r.id() + "|" + r.currency(),
                    k -> new SummaryParts(r.bucket(), r.id(), r.name(), r.kind(), r.currency()));
            p.revenueMinor += r.amountMinor();
            p.units += r.conversionUnits();
        }
        for (SummaryRepository.Spend c : summaries.costs(filter, groupBy, interval)) {
            String kind = c.id() == null ? "unassigned" : "assigned";
            SummaryParts p = parts.computeIfAbsent(c.bucket() + "|" + kind + "|" + c.id() + "|" + c.currency(),
                    k -> new SummaryParts(c.bucket(), c.id(), c.id() == null ? null : c.name(), kind, c.currency()));
            p.costMinor += c.amountMinor();
        }
        Map<String, Long> bucketRevenue = new HashMap<>();
        Map<String, long[]> totals = new TreeMap<>();
        for (SummaryParts p : parts.values()) {
            bucketRevenue.merge(p.bucket + "|" + p.currency, p.revenueMinor, Long::sum);
            long[] t = totals.computeIfAbsent(p.currency, c -> new long[3]);
            t[0] += p.revenueMinor;
            t[1] += p.units;
            t[2] += p.costMinor;
        }
        List<SummaryReport.Row> rows = new ArrayList<>();
        for (SummaryParts p : parts.values()) {
            BigDecimal revenue = money(p.revenueMinor, p.currency);
            BigDecimal cost = money(p.costMinor, p.currency);
            BigDecimal conversions = conversions(p.units);
            long bucketTotal = bucketRevenue.get(p.bucket + "|" + p.currency);
            rows.add(new SummaryReport.Row(p.bucket, p.id, p.kind.equals("assigned") ? p.name : p.kind, p.kind,
                    p.currency, revenue, conversions, cost, ratio(revenue, cost),
                    p.units == 0
                            ? null
                            : cost.multiply(BigDecimal.valueOf(1_000_000)).divide(
                                    BigDecimal.valueOf(p.units), cost.scale(), RoundingMode.HALF_EVEN),
                    bucketTotal == 0
                            ? null
                            : BigDecimal.valueOf(p.revenueMinor * 100L).divide(
                                    BigDecimal.valueOf(bucketTotal), 2, RoundingMode.HALF_EVEN)));
        }
        rows.sort(summaryOrder(sort));
        List<SummaryReport.Total> totalRows = totals.entrySet().stream().map(e -> {
            BigDecimal revenue = money(e.getValue()[0], e.getKey());
            BigDecimal cost = money(e.getValue()[2], e.getKey());
            return new SummaryReport.Total(e.getKey(), revenue, conversions(e.getValue()[1]), cost,
                    ratio(revenue, cost));
        }).toList();
        List<SummaryReport.Row> shown = size == 0
                ? rows
                : rows.subList(Math.min(rows.size(), page * size), Math.min(rows.size(), (page + 1) * size));
        return new SummaryReport(filter.from(), filter.to(), filter.model(), groupBy.wireName(),
                interval.name().toLowerCase(Locale.ROOT), shown, page, size == 0 ? rows.size() : size, rows.size(),
                totalRows);
    }

    /**
     * Groups × models: each model's revenue and conversions per group (from the daily roll-up), and the difference
     * to the baseline model's; groups by the baseline's revenue, largest first.
     */
    @Transactional
    public ModelComparison comparison(SummaryRepository.Filter range, CreditRepository.GroupBy groupBy,
            List<String> models, String baseline) {
        Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>(); // group key -> model -> amount, units
        Map<String, SummaryRepository.Revenue> groups = new LinkedHashMap<>();
        for (String model : models) {
            SummaryRepository.Filter f = new SummaryRepository.Filter(model, range.from(), range.to(),
                    range.programmeId(), range.campaignId(), range.channel());
            for (SummaryRepository.Revenue r : summaries.revenue(f, groupBy, SummaryRepository.Interval.TOTAL)) {
                String key = r.kind() + "|" + r.id() + "|" + r.currency();
                groups.putIfAbsent(key, r);
                long[] sums = byGroup.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(model,
                        m -> new long[2]);
                sums[0] += r.amountMinor();
                sums[1] += r.conversionUnits();
            }
        }
        List<ModelComparison.Row> rows = new ArrayList<>();
        for (Map.Entry<String, SummaryRepository.Revenue> g : groups.entrySet()) {
            SummaryRepository.Revenue r = g.getValue();
            Map<String, long[]> values = byGroup.get(g.getKey());
            long base = values.getOrDefault(baseline, new long[2])[0];
            List<ModelComparison.Cell> cells = new ArrayList<>();
            for (String model : models) {
                long[] v = values.getOrDefault(model, new long[2]);
                cells.add(new ModelComparison.Cell(model, money(v[0], r.currency()), conversions(v[1]),
                        money(v[0] - base, r.currency()), base == 0
                                ? null
                                : BigDecimal.valueOf((v[0] - base) * 100L).divide(BigDecimal.valueOf(base), 2,
                                        RoundingMode.HALF_EVEN)));
            }
            rows.add(new ModelComparison.Row(r.id(), r.kind().equals("assigned") ? r.name() : r.kind(), r.kind(),
                    r.currency(), cells));
        }
        int baseIndex = models.indexOf(baseline);
        rows.sort(Comparator.comparing((ModelComparison.Row row) -> row.cells().get(baseIndex).revenue()).reversed()
                .thenComparing(row -> row.name() == null ? "" : row.name())
                .thenComparing(ModelComparison.Row::currency));
        return new ModelComparison(range.from(), range.to(), groupBy.wireName(), baseline, models, rows);
    }

    /**
     * Each programme's revenue under a model and its cost from every channel, with ROI ((revenue − cost) / cost) and
     * ROAS, and its channels beneath; programmes by revenue, largest first. Credit and cost of no programme are left
     * out (they are in the summary as unassigned and unattributed).
     */
    @Transactional
    public ProgrammeRoi programmeRoi(SummaryRepository.Filter filter) {
        Map<String, long[]> programmes = new LinkedHashMap<>(); // programme|currency -> revenue, cost
        Map<String, Map<String, long[]>> channels = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        SummaryRepository.Grouping grouping = SummaryRepository.Grouping.PROGRAMME_CHANNEL;
        for (SummaryRepository.Revenue r : summaries.revenue(filter, grouping, SummaryRepository.Interval.TOTAL)) {
            if (r.id() != null && r.kind().equals("assigned")) {
                roiAdd(programmes, channels, names, r.id(), r.name(), r.currency(), 0, r.amountMinor());
            }
        }
        for (SummaryRepository.Spend c : summaries.costs(filter, grouping, SummaryRepository.Interval.TOTAL)) {
            if (c.id() != null) {
                roiAdd(programmes, channels, names, c.id(), c.name(), c.currency(), 1, c.amountMinor());
            }
        }
        List<ProgrammeRoi.Programme> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> p : programmes.entrySet()) {
            String[] key = p.getKey().split("\\|");
            String currency = key[1];
            List<ProgrammeRoi.Channel> beneath = channels.get(p.getKey()).entrySet().stream()
                    .map(e -> {
                        BigDecimal revenue = money(e.getValue()[0], currency);
                        BigDecimal cost = money(e.getValue()[1], currency);
                        return new ProgrammeRoi.Channel(e.getKey(), revenue, cost, roi(revenue, cost),
                                ratio(revenue, cost));
                    })
                    .sorted(Comparator.comparing(ProgrammeRoi.Channel::revenue).reversed()
                            .thenComparing(ProgrammeRoi.Channel::channel))
                    .toList();
            BigDecimal revenue = money(p.getValue()[0], currency);
            BigDecimal cost = money(p.getValue()[1], currency);
            rows.add(new ProgrammeRoi.Programme(key[0], names.get(key[0]), currency, revenue, cost,
                    roi(revenue, cost), ratio(revenue, cost), beneath));
        }
        rows.sort(Comparator.comparing(ProgrammeRoi.Programme::revenue).reversed()
                .thenComparing(r -> r.name() == null ? "" : r.name()));
        return new ProgrammeRoi(filter.from(), filter.to(), filter.model(), rows);
    }

    /** Adds revenue (slot 0) or cost (slot 1) of "programme|channel" to the programme's and the channel's sums. */
    private static void roiAdd(Map<String, long[]> programmes, Map<String, Map<String, long[]>> channels,
            Map<String, String> names, String programmeChannel, String name, String currency, int slot,
            long amount) {
        int bar = programmeChannel.indexOf('|');
        String programme = programmeChannel.substring(0, bar);
        String channel = programmeChannel.substring(bar + 1);
        String key = programme + "|" + currency;
        programmes.computeIfAbsent(key, k -> new long[2])[slot] += amount;
        channels.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(channel, c -> new long[2])[slot] += amount;
        if (name != null) {
            names.putIfAbsent(programme, name);
        }
    }

    private static BigDecimal roi(BigDecimal revenue, BigDecimal cost) {
        return cost.signum() == 0 ? null : revenue.subtract(cost).divide(cost, 4, RoundingMode.HALF_EVEN);
    }

    private static Comparator<SummaryReport.Row> summaryOrder(String sort) {
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

    /** The parts of one summary row, summed. */
    private static final class SummaryParts {
        final LocalDate bucket;
        final String id;
        final String name;
        final String kind;
        final String currency;
        long revenueMinor;
        long units;
        long costMinor;

        SummaryParts(LocalDate bucket, String id, String name, String kind, String currency) {
            this.bucket = bucket;
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.currency = currency;
        }
    }

    private static BigDecimal money(long minor, String currency) {
        return Money.ofMinor(minor, currency).amount();
    }

    private static BigDecimal ratio(BigDecimal revenue, BigDecimal cost) {
        return cost.signum() == 0 ? null : revenue.divide(cost, 4, RoundingMode.HALF_EVEN);
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
