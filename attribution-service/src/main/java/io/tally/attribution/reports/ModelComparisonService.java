package io.tally.attribution.reports;

import static io.tally.attribution.reports.ReportFigures.conversions;
import static io.tally.attribution.reports.ReportFigures.money;
import static io.tally.attribution.reports.ReportFigures.percent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.ledger.CreditRepository;

/** Groups × models: each model's credited revenue per group, against a baseline model. */
@ApplicationScoped
public class ModelComparisonService {

    @Inject
    SummaryRepository summaries;

    /** One group of the table: a programme, campaign or channel (or unassigned/unattributed) in one currency. */
    private record GroupKey(String kind, String id, String currency) {
    }

    /** One model's revenue and conversions in one group. */
    private static final class Sums {
        long amountMinor;
        long units;
    }

    /**
     * Each model's revenue and conversions per group (from the daily roll-up), and the difference to the baseline
     * model's; groups by the baseline's revenue, largest first.
     */
    @Transactional
    public ModelComparison comparison(SummaryRepository.Filter range, CreditRepository.GroupBy groupBy,
            List<String> models, String baseline) {
        Map<GroupKey, Map<String, Sums>> byGroup = new LinkedHashMap<>();
        Map<GroupKey, SummaryRepository.Revenue> groups = new LinkedHashMap<>();
        for (String model : models) {
            SummaryRepository.Filter f = new SummaryRepository.Filter(model, range.from(), range.to(),
                    range.programmeId(), range.campaignId(), range.channel());
            for (SummaryRepository.Revenue r : summaries.revenue(f, groupBy, SummaryRepository.Interval.TOTAL)) {
                GroupKey key = new GroupKey(r.kind(), r.id(), r.currency());
                groups.putIfAbsent(key, r);
                Sums sums = byGroup.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(model, m -> new Sums());
                sums.amountMinor += r.amountMinor();
                sums.units += r.conversionUnits();
            }
        }
        List<ModelComparison.Row> rows = new ArrayList<>();
        for (Map.Entry<GroupKey, SummaryRepository.Revenue> g : groups.entrySet()) {
            SummaryRepository.Revenue r = g.getValue();
            Map<String, Sums> values = byGroup.get(g.getKey());
            long base = values.getOrDefault(baseline, new Sums()).amountMinor;
            List<ModelComparison.Cell> cells = new ArrayList<>();
            for (String model : models) {
                Sums v = values.getOrDefault(model, new Sums());
                cells.add(new ModelComparison.Cell(model, money(v.amountMinor, r.currency()), conversions(v.units),
                        money(v.amountMinor - base, r.currency()), percent(v.amountMinor - base, base)));
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
}
