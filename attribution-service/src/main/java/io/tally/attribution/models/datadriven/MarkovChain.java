package io.tally.attribution.models.datadriven;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The absorbing Markov chain of order k estimated from path statistics.
 *
 * <p>
 * A transient state is the sequence of the last (at most) k channels seen, after consecutive repeats are collapsed.
 * The start state is the empty sequence; the first k−1 steps of a path are the shorter prefixes, so at order 2 the
 * path {@code a > b > c} walks {@code [] → [a] → [a, b] → [b, c]} and then to conversion or null. The absorbing
 * states conversion and null are kept apart as per-state probabilities. Every transition of a row is counted with
 * the row's journeys (conversions + nulls); its last state goes to conversion with weight {@code conversions} and to
 * null with weight {@code nulls}. Counts are summed exactly before they become probabilities, so the chain does not
 * depend on the order of the rows; {@link MarkovChainEstimator} does the counting, row by row. States are ordered by length, then channel by channel.
 */
public final class MarkovChain {

    /** States by length, then channel by channel. */
    static final Comparator<List<String>> STATE_ORDER = Comparator.<List<String>> comparingInt(List::size)
            .thenComparing(MarkovChain::compareElementwise);

    private final int order;
    private final List<List<String>> states;
    private final int[][] successors;
    private final double[][] probabilities;
    private final double[] conversion;
    private final double[] nulls;

    MarkovChain(int order, List<List<String>> states, int[][] successors, double[][] probabilities,
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
        MarkovChainEstimator estimator = new MarkovChainEstimator(order, new ChannelDictionary());
        rows.forEach(estimator::add);
        return estimator.build();
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
