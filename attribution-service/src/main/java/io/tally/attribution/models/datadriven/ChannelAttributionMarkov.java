package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Markov-chain attribution of the ChannelAttribution package's {@code markov_model}, computed exactly (its own
 * result in the limit of infinitely many simulations), for path files that must agree with it. It differs from
 * Tally's {@link MarkovModel} in two definitions:
 * <ul>
 * <li><b>States.</b> At order k a path's states are its sliding windows of k consecutive touches ({@code a > b > c}
 * at order 2 walks {@code (start) → (a,b) → (b,c)}), a path shorter than k is one state of all its touches, and
 * consecutive identical states are collapsed ({@code a > a > a > b} walks {@code (a,a) → (a,b)}). Tally's states
 * are the last at most k channels after repeats are collapsed, so a path also passes through its shorter prefixes
 * ({@code [a] → [a,b] → [b,c]}).</li>
 * <li><b>Value.</b> Conversion value is attributed by value-weighted removal effects: a conversion from a state is
 * worth the mean value of the conversions whose paths end in that state, and a channel's value share is the
 * expected value it removes, {@code E − E without c}, over the sum of those. Tally splits value by the conversion
 * shares.</li>
 * </ul>
 * Conversions are attributed by removal effects, {@code P − P without c} normalised (a channel is removed by sending
 * every transition into a state that contains it to null), as in both. Rows are counted like the package counts
 * them: every transition of a row with the row's journeys (conversions + nulls), its last state to conversion with
 * its conversions and to null with its nulls. Feed rows with {@link #add}, then {@link #fit()}.
 */
public final class ChannelAttributionMarkov {

    private static final int BITS = 20;
    private static final long ID_MASK = (1L << BITS) - 1;

    /** Channel shares of conversions and of value (each summing to 1, or all 0 without conversions). */
    public record Shares(Map<String, Double> conversions, Map<String, Double> value) {
    }

    private final int order;
    private final ChannelDictionary channels;
    private final LongIndex states = new LongIndex();
    private final LongIndex transitions = new LongIndex();
    private final ExactSums transitionCounts = new ExactSums();
    private final ExactSums toConversion = new ExactSums();
    private final ExactSums toNull = new ExactSums();
    private final ExactSums valueEnding = new ExactSums();

    /**
     * @param order k, 1 to 3
     * @param channels the dictionary the ids given to {@link #add} come from
     */
    public ChannelAttributionMarkov(int order, ChannelDictionary channels) {
        if (order < 1 || order > 3) {
            throw new IllegalArgumentException("order must be 1, 2 or 3, was " + order);
        }
        this.order = order;
        this.channels = channels;
        states.indexOf(-1L); // the start state
    }

    /** Adds a row: its touches {@code touches[0, length)} as channel ids, conversions, their value and nulls. */
    public void add(int[] touches, int length, BigDecimal conversions, BigDecimal value, BigDecimal nulls) {
        BigDecimal journeys = conversions.add(nulls);
        if (journeys.signum() == 0 || length == 0) {
            return;
        }
        int from = 0;
        int windows = Math.max(1, length - order + 1);
        for (int w = 0; w < windows; w++) {
            int to = states.indexOf(window(touches, w, Math.min(order, length)));
            if (to != from) { // consecutive identical states collapse
                transitionCounts.add(transitions.indexOf((long) from << 32 | to), journeys);
            }
            from = to;
        }
        toConversion.add(from, conversions);
        toNull.add(from, nulls);
        valueEnding.add(from, value);
    }

    /** The conversion and value shares per channel, solved exactly. */
    public Shares fit() {
        int n = states.size();
        int[] identity = new int[n];
        Arrays.setAll(identity, s -> s);
        TransitionProbabilities chain = TransitionProbabilities.of(identity, transitions, transitionCounts,
                toConversion, toNull);
        int[][] successors = chain.successors();
        double[][] probabilities = chain.probabilities();
        double[] conversion = chain.conversion();
        double[] worth = new double[n];
        for (int s = 0; s < n; s++) {
            BigDecimal converted = toConversion.value(s);
            double meanValue = converted.signum() == 0
                    ? 0
                    : valueEnding.value(s).doubleValue()
                            / converted.doubleValue();
            worth[s] = conversion[s] * meanValue;
        }
        boolean[] none = new boolean[n];
        double p = AbsorbingChainSolver.conversionFromStart(successors, probabilities, conversion, none);
        double e = AbsorbingChainSolver.conversionFromStart(successors, probabilities, worth, none);
        Map<String, Double> removedConversions = new TreeMap<>();
        Map<String, Double> removedValue = new TreeMap<>();
        for (int channel = 0; channel < channels.size(); channel++) {
            boolean[] removed = new boolean[n];
            boolean seen = false;
            for (int s = 1; s < n; s++) {
                removed[s] = contains(states.key(s), channel);
                seen |= removed[s];
            }
            if (!seen) {
                continue;
            }
            String name = channels.name(channel);
            removedConversions.put(name, Math.max(0, p - AbsorbingChainSolver.conversionFromStart(successors,
                    probabilities, conversion, removed)));
            removedValue.put(name, Math.max(0, e - AbsorbingChainSolver.conversionFromStart(successors,
                    probabilities, worth, removed)));
        }
        return new Shares(normalised(removedConversions), normalised(removedValue));
    }

    /** The state of the window of {@code size} touches from {@code start}: its length, then its ids. */
    private static long window(int[] touches, int start, int size) {
        long key = (long) size << 60;
        for (int i = 0; i < size; i++) {
            int channel = touches[start + i];
            if (channel > ID_MASK) {
                throw new IllegalArgumentException("at most " + (ID_MASK + 1) + " channels are supported");
            }
            key |= (long) channel << BITS * i;
        }
        return key;
    }

    private static boolean contains(long state, int channel) {
        int size = (int) (state >>> 60);
        for (int i = 0; i < size; i++) {
            if ((state >>> BITS * i & ID_MASK) == channel) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Double> normalised(Map<String, Double> effects) {
        double sum = effects.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new TreeMap<>();
        effects.forEach((channel, effect) -> shares.put(channel, sum == 0 ? 0 : effect / sum));
        return shares;
    }
}
