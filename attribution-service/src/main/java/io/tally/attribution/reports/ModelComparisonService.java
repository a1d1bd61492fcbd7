package io.tally.attribution.reports;

import static io.tally.attribution.reports.ReportFigures.conversions;
import static io.tally.attribution.reports.ReportFigures.money;
import static io.tally.attribution.reports.ReportFigures.percent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.attribution.ledger.CreditRepository;
import io.tally.attribution.training.ModelVersionEntity;
import io.tally.attribution.training.ModelVersionRepository;
import io.tally.attribution.training.TrainedModels;

/** Groups × models: each model's credited revenue per group, against a baseline model. */
@ApplicationScoped
public class ModelComparisonService {

    @Inject
    SummaryRepository summaries;
    @Inject
    ModelVersionRepository versions;
    @Inject
    ObjectMapper json;

    /** Decimals of the shares and interval ends shown. */
    private static final int SHARE_SCALE = 4;

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
        List<ModelComparison.VersionUsed> used = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> intervals = new HashMap<>();
        for (String model : models) {
            if (TrainedModels.NAMES.contains(model)) {
                List<ModelVersionEntity> crediting = versions.creditingIn(model, range.from(), range.to());
                crediting.forEach(v -> used.add(new ModelComparison.VersionUsed(model, v.version, v.trainedAt,
                        experimentsApplied(v))));
                if (!crediting.isEmpty() && groupBy == CreditRepository.GroupBy.CHANNEL) {
                    intervals.put(model, channelIntervals(crediting.get(0)));
                }
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
                BigDecimal revenue = money(v.amountMinor, r.currency());
                Map<String, Object> interval = r.kind().equals("assigned")
                        ? intervals.getOrDefault(model, Map.of()).get(r.id())
                        : null;
                cells.add(new ModelComparison.Cell(model, revenue, conversions(v.units),
                        money(v.amountMinor - base, r.currency()), percent(v.amountMinor - base, base),
                        interval == null ? null : shareInterval(interval, revenue)));
            }
            rows.add(new ModelComparison.Row(r.id(), r.kind().equals("assigned") ? r.name() : r.kind(), r.kind(),
                    r.currency(), cells));
        }
        int baseIndex = models.indexOf(baseline);
        rows.sort(Comparator.comparing((ModelComparison.Row row) -> row.cells().get(baseIndex).revenue()).reversed()
                .thenComparing(row -> row.name() == null ? "" : row.name())
                .thenComparing(ModelComparison.Row::currency));
        return new ModelComparison(range.from(), range.to(), groupBy.wireName(), baseline, models, used, rows);
    }

    /** The experiments a version was calibrated to ({@code details.experiments} marked applied). */
    private List<ModelComparison.ExperimentApplied> experimentsApplied(ModelVersionEntity version) {
        List<ModelComparison.ExperimentApplied> out = new ArrayList<>();
        if (details(version).get("experiments") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && Boolean.parseBoolean(String.valueOf(m.get("applied")))) {
                    out.add(new ModelComparison.ExperimentApplied(String.valueOf(m.get("id")),
                            Integer.parseInt(String.valueOf(m.get("revision"))), String.valueOf(m.get("channel"))));
                }
            }
        }
        return out;
    }

    private Map<String, Object> details(ModelVersionEntity version) {
        try {
            return json.readValue(version.details, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model version " + version.version + " is unreadable", e);
        }
    }

    /** A version's interval per channel ({@code details.channelIntervals}; none in versions trained before them). */
    private Map<String, Map<String, Object>> channelIntervals(ModelVersionEntity version) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        if (details(version).get("channelIntervals") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> entry = new HashMap<>();
                    m.forEach((k, value) -> entry.put(String.valueOf(k), value));
                    entry.put("version", version.version);
                    out.put(String.valueOf(m.get("channel")), entry);
                }
            }
        }
        return out;
    }

    /** The interval of a channel's share, and the cell's revenue at its ends (revenue × end / share). */
    private static ModelComparison.ShareInterval shareInterval(Map<String, Object> interval, BigDecimal revenue) {
        BigDecimal share = decimal(interval.get("share"));
        BigDecimal low = decimal(interval.get("low"));
        BigDecimal high = decimal(interval.get("high"));
        boolean scalable = share.signum() > 0;
        return new ModelComparison.ShareInterval((String) interval.get("version"), rounded(share), rounded(low),
                rounded(high), decimal(interval.get("level")),
                scalable ? scaled(revenue, low, share) : null, scalable ? scaled(revenue, high, share) : null);
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    private static BigDecimal rounded(BigDecimal share) {
        return share.setScale(SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scaled(BigDecimal revenue, BigDecimal end, BigDecimal share) {
        return revenue.multiply(end).divide(share, revenue.scale(), RoundingMode.HALF_EVEN);
    }
}
