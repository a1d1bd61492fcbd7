package io.tally.attribution.reports;

import static io.tally.attribution.reports.ReportFigures.money;
import static io.tally.events.Ratios.roas;
import static io.tally.events.Ratios.roi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What each integrated programme earned against what it cost, across all its channels: revenue under one model, cost
 * from every channel, ROI and ROAS, with its channels beneath.
 */
@ApplicationScoped
public class ProgrammeRoiService {

    @Inject
    SummaryRepository summaries;

    /** A programme's figures in one currency. */
    private record ProgrammeKey(String programmeId, String currency) {
    }

    /** A group id of {@link SummaryRepository.Grouping#PROGRAMME_CHANNEL}, {@code <programme id>|<channel>}, read once. */
    private record ProgrammeChannel(String programmeId, String channel) {

        static ProgrammeChannel of(String groupId) {
            int bar = groupId.indexOf('|');
            return new ProgrammeChannel(groupId.substring(0, bar), groupId.substring(bar + 1));
        }
    }

    /** Revenue and cost, summed. */
    private static final class Sums {
        long revenueMinor;
        long costMinor;
    }

    /** A programme's sums and its channels' sums, in one currency. */
    private static final class ProgrammeSums {
        final Sums total = new Sums();
        final Map<String, Sums> channels = new TreeMap<>();

        Sums channel(String channel) {
            return channels.computeIfAbsent(channel, c -> new Sums());
        }
    }

    /**
     * Each programme's revenue under a model and its cost from every channel, with ROI ((revenue − cost) / cost) and
     * ROAS, and its channels beneath; programmes by revenue, largest first. Credit and cost of no programme are left
     * out (they are in the summary as unassigned and unattributed).
     */
    @Transactional
    public ProgrammeRoi programmeRoi(SummaryRepository.Filter filter) {
        Map<ProgrammeKey, ProgrammeSums> programmes = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        SummaryRepository.Grouping grouping = SummaryRepository.Grouping.PROGRAMME_CHANNEL;
        for (SummaryRepository.Revenue r : summaries.revenue(filter, grouping, SummaryRepository.Interval.TOTAL)) {
            if (r.id() != null && r.kind().equals("assigned")) {
                ProgrammeChannel pc = ProgrammeChannel.of(r.id());
                ProgrammeSums sums = programmes.computeIfAbsent(new ProgrammeKey(pc.programmeId(), r.currency()),
                        k -> new ProgrammeSums());
                sums.total.revenueMinor += r.amountMinor();
                sums.channel(pc.channel()).revenueMinor += r.amountMinor();
                nameOnce(names, pc.programmeId(), r.name());
            }
        }
        for (SummaryRepository.Spend c : summaries.costs(filter, grouping, SummaryRepository.Interval.TOTAL)) {
            if (c.id() != null) {
                ProgrammeChannel pc = ProgrammeChannel.of(c.id());
                ProgrammeSums sums = programmes.computeIfAbsent(new ProgrammeKey(pc.programmeId(), c.currency()),
                        k -> new ProgrammeSums());
                sums.total.costMinor += c.amountMinor();
                sums.channel(pc.channel()).costMinor += c.amountMinor();
                nameOnce(names, pc.programmeId(), c.name());
            }
        }
        List<ProgrammeRoi.Programme> rows = new ArrayList<>();
        programmes.forEach((key, sums) -> {
            String currency = key.currency();
            List<ProgrammeRoi.Channel> beneath = sums.channels.entrySet().stream()
                    .map(e -> {
                        BigDecimal revenue = money(e.getValue().revenueMinor, currency);
                        BigDecimal cost = money(e.getValue().costMinor, currency);
                        return new ProgrammeRoi.Channel(e.getKey(), revenue, cost, roi(revenue, cost),
                                roas(revenue, cost));
                    })
                    .sorted(Comparator.comparing(ProgrammeRoi.Channel::revenue).reversed()
                            .thenComparing(ProgrammeRoi.Channel::channel))
                    .toList();
            BigDecimal revenue = money(sums.total.revenueMinor, currency);
            BigDecimal cost = money(sums.total.costMinor, currency);
            rows.add(new ProgrammeRoi.Programme(key.programmeId(), names.get(key.programmeId()), currency, revenue,
                    cost, roi(revenue, cost), roas(revenue, cost), beneath));
        });
        rows.sort(Comparator.comparing(ProgrammeRoi.Programme::revenue).reversed()
                .thenComparing(r -> r.name() == null ? "" : r.name()));
        return new ProgrammeRoi(filter.from(), filter.to(), filter.model(), rows);
    }

    private static void nameOnce(Map<String, String> names, String programmeId, String name) {
        if (name != null) {
            names.putIfAbsent(programmeId, name);
        }
    }
}
