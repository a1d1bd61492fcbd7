package io.tally.attribution.reports;

import static io.tally.attribution.reports.ReportFigures.money;
import static io.tally.events.Ratios.roas;
import static io.tally.events.Ratios.roi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.finance.FxConversion;
import io.tally.attribution.finance.FxRates;
import io.tally.attribution.models.LargestRemainder;

/**
 * What each integrated programme earned against what it cost, across all its channels: revenue under one model, cost
 * from every channel, ROI and ROAS, with its channels beneath.
 */
@ApplicationScoped
public class ProgrammeRoiService {

    @Inject
    SummaryRepository summaries;
    @Inject
    FxRates rates;

    /** Amounts into one currency at each day's rate, or (NONE) left as they are. */
    private record Conversion(String target, Map<FxRates.DayCurrency, BigDecimal> rates) {

        static final Conversion NONE = new Conversion(null, Map.of());

        /** The rates the rows need into {@code target} ({@link FxRates#require}: a 422 listing every missing one). */
        static Conversion of(FxRates fx, String target, List<SummaryRepository.Revenue> revenue,
                List<SummaryRepository.Spend> costs) {
            TreeSet<FxRates.DayCurrency> needed = new TreeSet<>();
            revenue.stream().filter(r -> !r.currency().equals(target))
                    .forEach(r -> needed.add(new FxRates.DayCurrency(r.bucket(), r.currency())));
            costs.stream().filter(c -> !c.currency().equals(target))
                    .forEach(c -> needed.add(new FxRates.DayCurrency(c.bucket(), c.currency())));
            return new Conversion(target, fx.require(target, needed));
        }

        String currency(String of) {
            return target == null ? of : target;
        }

        long convert(LocalDate day, String currency, long minor) {
            return target == null || currency.equals(target)
                    ? minor
                    : FxConversion.convert(minor, currency, target, rates.get(new FxRates.DayCurrency(day, currency)));
        }
    }

    /** A programme's figures in one currency. */
    private record ProgrammeKey(String programmeId, String currency) {
    }

    /**
     * A group id of {@link SummaryRepository.Grouping#PROGRAMME_CHANNEL}, {@code <programme id>|<channel>}, read once;
     * the channel is empty for a shared cost.
     */
    private record ProgrammeChannel(String programmeId, String channel) {

        static ProgrammeChannel of(String groupId) {
            int bar = groupId.indexOf('|');
            return new ProgrammeChannel(groupId.substring(0, bar), groupId.substring(bar + 1));
        }
    }

    /** Revenue and cost, summed; a channel's allocated share of the shared costs. */
    private static final class Sums {
        long revenueMinor;
        long costMinor;
        long sharedMinor;
    }

    /** A programme's sums, its shared costs and its channels' sums, in one currency. */
    private static final class ProgrammeSums {
        final Sums total = new Sums();
        final Map<String, Sums> channels = new TreeMap<>();

        Sums channel(String channel) {
            return channels.computeIfAbsent(channel, c -> new Sums());
        }

        /** Spreads the shared costs over the channels by {@link ProgrammeRoi#SHARED_COST_RULE}. */
        void allocateShared() {
            List<String> names = new ArrayList<>(channels.keySet());
            List<BigDecimal> byCost = names.stream().map(c -> BigDecimal.valueOf(channels.get(c).costMinor)).toList();
            List<BigDecimal> byRevenue = names.stream()
                    .map(c -> BigDecimal.valueOf(Math.max(0, channels.get(c).revenueMinor))).toList();
            List<BigDecimal> weights = positive(byCost) ? byCost : positive(byRevenue) ? byRevenue : null;
            if (total.sharedMinor == 0 || weights == null) {
                return; // nothing to spread, or nothing to spread it by: the programme's totals still count it
            }
            long[] shares = LargestRemainder.split(total.sharedMinor, weights);
            for (int i = 0; i < names.size(); i++) {
                channels.get(names.get(i)).sharedMinor = shares[i];
            }
        }

        private static boolean positive(List<BigDecimal> weights) {
            return weights.stream().anyMatch(w -> w.signum() > 0);
        }
    }

    /**
     * Each programme's revenue under a model and every cost it reported (its channels' and its shared costs, allocated
     * by {@link ProgrammeRoi#SHARED_COST_RULE}), with ROI ((revenue − cost) / cost) and ROAS, and its channels beneath;
     * programmes by revenue, largest first. Credit and cost of no programme are left out (they are in the summary as
     * unassigned and unattributed). Without {@code reportingCurrency} one row per programme and currency, nothing
     * converted; with it every figure in that currency, each day's revenue and cost converted at that day's rate
     * (half-even, per day, group and currency), one row per programme.
     *
     * @throws io.tally.support.problem.ProblemException 422 listing every missing rate
     */
    @Transactional
    public ProgrammeRoi programmeRoi(SummaryRepository.Filter filter, String reportingCurrency) {
        Map<ProgrammeKey, ProgrammeSums> programmes = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        SummaryRepository.Grouping grouping = SummaryRepository.Grouping.PROGRAMME_CHANNEL;
        SummaryRepository.Interval interval = reportingCurrency == null
                ? SummaryRepository.Interval.TOTAL
                : SummaryRepository.Interval.DAY;
        List<SummaryRepository.Revenue> revenueRows = summaries.revenue(filter, grouping, interval).stream()
                .filter(r -> r.id() != null && r.kind().equals("assigned")).toList();
        List<SummaryRepository.Spend> costRows = summaries.costs(filter, grouping, interval).stream()
                .filter(c -> c.id() != null).toList();
        Conversion fx = reportingCurrency == null
                ? Conversion.NONE
                : Conversion.of(rates, reportingCurrency, revenueRows, costRows);
        for (SummaryRepository.Revenue r : revenueRows) {
            ProgrammeChannel pc = ProgrammeChannel.of(r.id());
            ProgrammeSums sums = programmes.computeIfAbsent(new ProgrammeKey(pc.programmeId(), fx.currency(
                    r.currency())), k -> new ProgrammeSums());
            long amount = fx.convert(r.bucket(), r.currency(), r.amountMinor());
            sums.total.revenueMinor += amount;
            sums.channel(pc.channel()).revenueMinor += amount;
            nameOnce(names, pc.programmeId(), r.name());
        }
        for (SummaryRepository.Spend c : costRows) {
            ProgrammeChannel pc = ProgrammeChannel.of(c.id());
            ProgrammeSums sums = programmes.computeIfAbsent(new ProgrammeKey(pc.programmeId(), fx.currency(
                    c.currency())), k -> new ProgrammeSums());
            long amount = fx.convert(c.bucket(), c.currency(), c.amountMinor());
            if (pc.channel().isEmpty()) {
                sums.total.sharedMinor += amount;
            } else {
                sums.total.costMinor += amount;
                sums.channel(pc.channel()).costMinor += amount;
            }
            nameOnce(names, pc.programmeId(), c.name());
        }
        List<ProgrammeRoi.Programme> rows = new ArrayList<>();
        programmes.forEach((key, sums) -> {
            String currency = key.currency();
            sums.allocateShared();
            List<ProgrammeRoi.Channel> beneath = sums.channels.entrySet().stream()
                    .map(e -> {
                        BigDecimal revenue = money(e.getValue().revenueMinor, currency);
                        BigDecimal cost = money(e.getValue().costMinor, currency);
                        BigDecimal shared = money(e.getValue().sharedMinor, currency);
                        BigDecimal full = cost.add(shared);
                        return new ProgrammeRoi.Channel(e.getKey(), revenue, cost, shared, roi(revenue, full),
                                roas(revenue, full));
                    })
                    .sorted(Comparator.comparing(ProgrammeRoi.Channel::revenue).reversed()
                            .thenComparing(ProgrammeRoi.Channel::channel))
                    .toList();
            BigDecimal revenue = money(sums.total.revenueMinor, currency);
            BigDecimal shared = money(sums.total.sharedMinor, currency);
            BigDecimal cost = money(sums.total.costMinor, currency).add(shared);
            rows.add(new ProgrammeRoi.Programme(key.programmeId(), names.get(key.programmeId()), currency, revenue,
                    cost, shared, roi(revenue, cost), roas(revenue, cost), beneath));
        });
        rows.sort(Comparator.comparing(ProgrammeRoi.Programme::revenue).reversed()
                .thenComparing(r -> r.name() == null ? "" : r.name()));
        return new ProgrammeRoi(filter.from(), filter.to(), filter.model(), ProgrammeRoi.SHARED_COST_RULE, rows);
    }

    private static void nameOnce(Map<String, String> names, String programmeId, String name) {
        if (name != null) {
            names.putIfAbsent(programmeId, name);
        }
    }
}
