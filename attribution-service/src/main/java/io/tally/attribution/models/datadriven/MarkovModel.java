package io.tally.attribution.models.datadriven;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Markov-chain removal-effect attribution of order 1, 2 or 3 over path statistics.
 *
 * <p>
 * The model estimates the {@link MarkovChain} of the given order from the rows, solves the probability
 * {@code P} that a journey from the start converts exactly (linear algebra on the transient states, no simulation),
 * and for every channel {@code c} the same probability {@code P₋c} with {@code c} removed (transitions into any state
 * whose sequence contains {@code c} go to null). The removal effect is {@code RE(c) = 1 − P₋c / P}, in [0, 1]; a
 * channel's share is {@code RE(c) / Σ RE}. When nothing converts ({@code P = 0}), or only empty paths convert
 * ({@code Σ RE = 0}), every removal effect and share is 0 and {@link MarkovResult#weights()} is all zero, so
 * {@link TouchWeights#perTouch} falls back to equal weights.
 */
public final class MarkovModel {

    /** The model's name; the version carries the order, e.g. {@code markov@order2}. */
    public static final String NAME = "markov";

    private final int order;

    /**
     * @param order the chain's memory k: 1, 2 or 3
     * @throws IllegalArgumentException for any other order
     */
    public MarkovModel(int order) {
        if (order < 1 || order > 3) {
            throw new IllegalArgumentException("order must be 1, 2 or 3, was " + order);
        }
        this.order = order;
    }

    /** The chain's memory k. */
    public int order() {
        return order;
    }

    /** The model and order, e.g. {@code markov@order2}, to store beside the credits it produced. */
    public String version() {
        return NAME + "@" + parametersOf(order);
    }

    /** The parameters a trained version of this order is stored under: {@code order2}. */
    public static String parametersOf(int order) {
        return "order" + order;
    }

    /**
     * Fits the model to path statistics. The channels are those of rows with at least one journey; the result does
     * not depend on the order of the rows.
     *
     * @param rows path statistics; may be empty
     */
    public MarkovResult fit(List<PathStat> rows) {
        return fit(MarkovChain.estimate(order, rows));
    }

    /**
     * Fits the model to a chain already estimated (e.g. row by row with a {@link MarkovChainEstimator}).
     *
     * @throws IllegalArgumentException when the chain's order is not this model's
     */
    public MarkovResult fit(MarkovChain chain) {
        if (chain.order() != order) {
            throw new IllegalArgumentException("chain of order " + chain.order() + " for a model of order " + order);
        }
        TreeSet<String> channels = new TreeSet<>();
        chain.states().forEach(channels::addAll);
        double total = chain.conversionProbability();
        Map<String, Double> effects = new TreeMap<>();
        for (String channel : channels) {
            double effect = total == 0 ? 0 : 1 - chain.conversionProbabilityWithout(channel) / total;
            effects.put(channel, Math.min(1, Math.max(0, effect)));
        }
        double sum = effects.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new TreeMap<>();
        effects.forEach((channel, effect) -> shares.put(channel, sum == 0 ? 0 : effect / sum));
        return new MarkovResult(order, total, effects, shares, chain);
    }
}
