package io.tally.attribution.journeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Sums journeys into the figures of the path and integration reports: per path, per path length, per number of
 * channels (none, one, several), per channel and per pair of channels. Revenue counts the conversions in one currency
 * ({@code currency}); conversions in others count as conversions only, and are tallied apart.
 */
public final class JourneyStats implements Consumer<JourneyCollector.Journey> {

    /** Counts of a group of journeys: journeys, conversions, revenue (minor units), summed time to convert. */
    public static final class Tally {
        long journeys;
        long conversions;
        long revenueMinor;
        Duration timeToConvert = Duration.ZERO;

        public long journeys() {
            return journeys;
        }

        public long conversions() {
            return conversions;
        }

        public long revenueMinor() {
            return revenueMinor;
        }

        /** The mean time from first touch to conversion of the converting journeys, or null without any. */
        public Duration meanTimeToConvert() {
            return conversions == 0 ? null : timeToConvert.dividedBy(conversions);
        }

        void add(JourneyCollector.Journey j, String currency) {
            journeys++;
            if (j.converted()) {
                conversions++;
                timeToConvert = timeToConvert.plus(j.timeToConvert());
                if (currency.equals(j.currency())) {
                    revenueMinor += j.revenueMinor();
                }
            }
        }
    }

    /** A path and its tally. */
    public record PathTally(List<String> path, Tally tally) {
    }

    /** A pair of channels: journeys with both, and journeys with the first but not the second. */
    public record PairTally(String channel, String other, Tally both, Tally withoutOther) {
    }

    private final String currency;
    private final Map<List<String>, Tally> paths = new HashMap<>();
    private final Map<Integer, Tally> lengths = new TreeMap<>();
    private final Tally none = new Tally();
    private final Tally single = new Tally();
    private final Tally multi = new Tally();
    private final Map<String, Tally> channels = new TreeMap<>();
    private final Map<String, Tally> pairs = new TreeMap<>(); // "a|b" for a journey with a and b, a != b
    private long otherCurrencyConversions;

    public JourneyStats(String currency) {
        this.currency = currency;
    }

    @Override
    public void accept(JourneyCollector.Journey j) {
        if (j.converted() && !currency.equals(j.currency())) {
            otherCurrencyConversions++;
        }
        paths.computeIfAbsent(j.channels(), p -> new Tally()).add(j, currency);
        lengths.computeIfAbsent(j.channels().size(), n -> new Tally()).add(j, currency);
        TreeSet<String> set = new TreeSet<>(j.channels());
        (set.isEmpty() ? none : set.size() == 1 ? single : multi).add(j, currency);
        for (String a : set) {
            channels.computeIfAbsent(a, c -> new Tally()).add(j, currency);
            for (String b : set) {
                if (!a.equals(b)) {
                    pairs.computeIfAbsent(a + "|" + b, k -> new Tally()).add(j, currency);
                }
            }
        }
    }

    /** The {@code top} paths with most conversions (ties: more journeys, then by path). */
    public List<PathTally> topPaths(int top) {
        return paths.entrySet().stream().map(e -> new PathTally(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong((PathTally p) -> p.tally().conversions()).reversed()
                        .thenComparing(Comparator.comparingLong((PathTally p) -> p.tally().journeys()).reversed())
                        .thenComparing(p -> String.join(">", p.path())))
                .limit(top).toList();
    }

    /** How many distinct paths there are. */
    public int distinctPaths() {
        return paths.size();
    }

    /** Journeys by their number of touches. */
    public Map<Integer, Tally> byLength() {
        return lengths;
    }

    public Tally withoutTouches() {
        return none;
    }

    public Tally singleChannel() {
        return single;
    }

    public Tally multiChannel() {
        return multi;
    }

    /** Each ordered pair of channels seen together: both, and the first without the second. */
    public List<PairTally> pairs() {
        List<PairTally> out = new ArrayList<>();
        for (Map.Entry<String, Tally> e : pairs.entrySet()) {
            String[] ab = e.getKey().split("\\|");
            Tally a = channels.get(ab[0]);
            Tally without = new Tally();
            without.journeys = a.journeys - e.getValue().journeys;
            without.conversions = a.conversions - e.getValue().conversions;
            without.revenueMinor = a.revenueMinor - e.getValue().revenueMinor;
            without.timeToConvert = a.timeToConvert.minus(e.getValue().timeToConvert);
            out.add(new PairTally(ab[0], ab[1], e.getValue(), without));
        }
        return out;
    }

    public long otherCurrencyConversions() {
        return otherCurrencyConversions;
    }

    public String currency() {
        return currency;
    }
}
