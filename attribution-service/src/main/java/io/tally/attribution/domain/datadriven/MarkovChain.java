package io.tally.attribution.domain.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The absorbing Markov chain of order k estimated from path statistics.
 *
 * <p>
 * A transient state is the sequence of the last (at most) k channels seen, after consecutive repeats are collapsed.
 * The start state is the empty sequence; the first k−1 steps of a path are the shorter prefixes, so at order 2 the
 * path {@code a > b > c} walks {@code [] → [a] → [a, b] → [b, c]} and then to conversion or null. The absorbing
 * states conversion and null are kept apart as per-state probabilities. Every transition of a row is counted with
 * the row's journeys (conversions + nulls); its last state goes to conversion with weight {@code conversions} and to
 * null with weight {@code nulls}. Counts are summed exactly (BigDecimal) before they become probabilities, so the
 * chain does not depend on the order of the rows. States are ordered by length, then channel by channel.
 */
public final class MarkovChain {

    private static final Comparator<List<String>> STATE_ORDER = Comparator.<List<String>> comparingInt(List::size)
            .thenComparing(MarkovChain::compareElementwise);

    private final int order;
    private final List<List<String>> states;
    private final int[][] successors;
    private final double[][] probabilities;
    private final double[] conversion;
    private final double[] nulls;

    private MarkovChain(int order, List<List<String>> states, int[][] successors, double[][] probabilities,
            double[] conversion, double[] nulls) {
        this.order = order;
        this.states = states;
        this.successors = successors;
        this.probabilities = probabilities;
        this.conversion = conversion;
        this.nulls = nulls;
    }

    /**
     * Estimates the chain; rows without journeys (conversions + nulls = 0) are ignored.
     *
     * @param order k, at least 1
     */
    public static MarkovChain estimate(int order, List<PathStat> rows) {
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
        List<List<String>> states = new ArrayList<>(counts.keySet());
        states.sort(STATE_ORDER);
        Map<List<String>, Integer> index = new HashMap<>();
        states.forEach(s -> index.put(s, index.size()));
        int n = states.size();
        int[][] successors = new int[n][];
        double[][] probabilities = new double[n][];
        double[] conversion = new double[n];
        double[] nulls = new double[n];
        for (int s = 0; s < n; s++) {
            List<String> state = states.get(s);
            Map<List<String>, BigDecimal> out = new TreeMap<>(STATE_ORDER);
            out.putAll(counts.get(state));
            BigDecimal converted = toConversion.getOrDefault(state, BigDecimal.ZERO);
            BigDecimal lost = toNull.getOrDefault(state, BigDecimal.ZERO);
            BigDecimal total = out.values().stream().reduce(converted.add(lost), BigDecimal::add);
            double totalCount = total.signum() == 0 ? 1 : total.doubleValue();
            successors[s] = out.keySet().stream().mapToInt(index::get).toArray();
            probabilities[s] = out.values().stream().mapToDouble(c -> c.doubleValue() / totalCount).toArray();
            conversion[s] = converted.doubleValue() / totalCount;
            nulls[s] = lost.doubleValue() / totalCount;
        }
        return new MarkovChain(order, List.copyOf(states), successors, probabilities, conversion, nulls);
    }

    /** The order k of the chain. */
    public int order() {
        return order;
    }

    /** The transient states in their fixed order; the first is the start state, the empty sequence. */
    public List<List<String>> states() {
        return states;
    }

    /** The transient successors of a state with their probabilities, in state order; empty for an unknown state. */
    public Map<List<String>, Double> successors(List<String> state) {
        Map<List<String>, Double> result = new LinkedHashMap<>();
        int s = states.indexOf(state);
        if (s >= 0) {
            for (int e = 0; e < successors[s].length; e++) {
                result.put(states.get(successors[s][e]), probabilities[s][e]);
            }
        }
        return result;
    }

    /** The probability of going from a state straight to conversion; 0 for an unknown state. */
    public double conversionProbability(List<String> state) {
        int s = states.indexOf(state);
        return s < 0 ? 0 : conversion[s];
    }

    /** The probability of going from a state straight to null; 0 for an unknown state. */
    public double nullProbability(List<String> state) {
        int s = states.indexOf(state);
        return s < 0 ? 0 : nulls[s];
    }

    /** The probability that a journey from the start ends in conversion, solved exactly. */
    public double conversionProbability() {
        return AbsorbingChainSolver.conversionFromStart(successors, probabilities, conversion, new boolean[states
                .size()]);
    }

    /**
     * The probability that a journey from the start ends in conversion when a channel is removed: every transition
     * into a state whose sequence contains the channel goes to null instead.
     */
    public double conversionProbabilityWithout(String channel) {
        boolean[] removed = new boolean[states.size()];
        for (int s = 0; s < removed.length; s++) {
            removed[s] = states.get(s).contains(channel);
        }
        return AbsorbingChainSolver.conversionFromStart(successors, probabilities, conversion, removed);
    }

    private static int compareElementwise(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
