package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The row-by-row estimators ({@link MarkovChainEstimator}, {@link CoalitionGameBuilder}) fed int ids from a shared
 * dictionary, in any row order, give exactly what the list-based fits give, and the Markov chain is exactly the one of
 * the former BigDecimal-map estimate (kept here as the reference).
 */
class StreamingEstimatorsTest {

    @Property(tries = 40)
    void markovStreamedInAnyOrderEqualsTheListFitAndTheReference(@ForAll @IntRange(min = 1, max = 3) int order,
            @ForAll long seed) {
        List<PathStat> rows = rows(seed);
        MarkovChain streamed = streamMarkov(order, shuffled(rows, seed));
        MarkovChain listed = MarkovChain.estimate(order, rows);
        Reference reference = Reference.estimate(order, rows);
        assertThat(streamed.states()).isEqualTo(listed.states()).isEqualTo(reference.states);
        for (List<String> state : listed.states()) {
            assertThat(streamed.successors(state)).isEqualTo(listed.successors(state))
                    .isEqualTo(reference.successors.get(state));
            assertThat(streamed.conversionProbability(state)).isEqualTo(reference.conversion.get(state));
            assertThat(streamed.nullProbability(state)).isEqualTo(reference.nulls.get(state));
        }
        MarkovModel model = new MarkovModel(order);
        assertThat(model.fit(streamed).shares()).isEqualTo(model.fit(rows).shares());
    }

    @Property(tries = 40)
    void shapleyStreamedInAnyOrderEqualsTheListFit(@ForAll long seed) {
        List<PathStat> rows = rows(seed);
        ChannelDictionary channels = new ChannelDictionary();
        channels.id("unused-first");
        CoalitionGameBuilder builder = new CoalitionGameBuilder(channels, ShapleyModel.MAX_CHANNELS);
        for (PathStat row : shuffled(rows, seed)) {
            builder.add(ids(channels, row), row.path().size(), row.conversions(), row.nulls());
        }
        CoalitionGame streamed = builder.build();
        CoalitionGame listed = CoalitionGame.of(rows, ShapleyModel.MAX_CHANNELS);
        assertThat(streamed.channels()).isEqualTo(listed.channels());
        assertThat(streamed.allValues()).isEqualTo(listed.allValues());
        ShapleyModel model = new ShapleyModel();
        assertThat(model.fit(streamed)).isEqualTo(model.fit(rows));
    }

    private static MarkovChain streamMarkov(int order, List<PathStat> rows) {
        ChannelDictionary channels = new ChannelDictionary();
        channels.id("unused-first");
        MarkovChainEstimator estimator = new MarkovChainEstimator(order, channels);
        for (PathStat row : rows) {
            estimator.add(ids(channels, row), row.path().size(), row.conversions(), row.nulls());
        }
        return estimator.build();
    }

    private static int[] ids(ChannelDictionary channels, PathStat row) {
        return row.path().stream().mapToInt(channels::id).toArray();
    }

    /** Random rows over 5 channels with integral, fractional, huge and zero counts, and empty paths. */
    private static List<PathStat> rows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PathStat> rows = new ArrayList<>();
        int n = 1 + random.nextInt(60);
        for (int r = 0; r < n; r++) {
            List<String> path = new ArrayList<>();
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                path.add("c" + random.nextInt(5));
            }
            rows.add(new PathStat(path, count(random), count(random), count(random)));
        }
        return rows;
    }

    private static BigDecimal count(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> new BigDecimal(random.nextInt(1000)).movePointLeft(random.nextInt(4));
            case 2 -> new BigDecimal("4000000000000000000").add(BigDecimal.valueOf(random.nextInt(9)));
            case 3 -> new BigDecimal(random.nextInt(50) + ".0");
            default -> BigDecimal.valueOf(random.nextInt(100));
        };
    }

    private static List<PathStat> shuffled(List<PathStat> rows, long seed) {
        List<PathStat> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    /** The estimate as it was before streaming: BigDecimal counts in maps keyed by state lists. */
    private record Reference(List<List<String>> states, Map<List<String>, Map<List<String>, Double>> successors,
            Map<List<String>, Double> conversion, Map<List<String>, Double> nulls) {

        static Reference estimate(int order, List<PathStat> rows) {
            Map<List<String>, Map<List<String>, BigDecimal>> counts = new HashMap<>();
            Map<List<String>, BigDecimal> toConversion = new HashMap<>();
            Map<List<String>, BigDecimal> toNull = new HashMap<>();
            counts.put(List.of(), new HashMap<>());
            for (PathStat row : rows) {
                BigDecimal journeys = row.journeys();
                if (journeys.signum() == 0) {
                    continue;
                }
                List<String> path = row.collapsedPath();
                List<String> from = List.of();
                for (int i = 0; i < path.size(); i++) {
                    List<String> to = List.copyOf(path.subList(Math.max(0, i + 1 - order), i + 1));
                    counts.computeIfAbsent(from, f -> new HashMap<>()).merge(to, journeys, BigDecimal::add);
                    counts.computeIfAbsent(to, t -> new HashMap<>());
                    from = to;
                }
                toConversion.merge(from, row.conversions(), BigDecimal::add);
                toNull.merge(from, row.nulls(), BigDecimal::add);
            }
            Comparator<List<String>> stateOrder = MarkovChain.STATE_ORDER;
            List<List<String>> states = new ArrayList<>(counts.keySet());
            states.sort(stateOrder);
            Map<List<String>, Map<List<String>, Double>> successors = new HashMap<>();
            Map<List<String>, Double> conversion = new HashMap<>();
            Map<List<String>, Double> nulls = new HashMap<>();
            for (List<String> state : states) {
                Map<List<String>, BigDecimal> out = new TreeMap<>(stateOrder);
                out.putAll(counts.get(state));
                BigDecimal converted = toConversion.getOrDefault(state, BigDecimal.ZERO);
                BigDecimal lost = toNull.getOrDefault(state, BigDecimal.ZERO);
                BigDecimal total = out.values().stream().reduce(converted.add(lost), BigDecimal::add);
                double totalCount = total.signum() == 0 ? 1 : total.doubleValue();
                Map<List<String>, Double> probabilities = new java.util.LinkedHashMap<>();
                out.forEach((to, c) -> probabilities.put(to, c.doubleValue() / totalCount));
                successors.put(state, probabilities);
                conversion.put(state, converted.doubleValue() / totalCount);
                nulls.put(state, lost.doubleValue() / totalCount);
            }
            return new Reference(states, successors, conversion, nulls);
        }
    }
}
