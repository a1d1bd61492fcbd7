package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An absorbing chain's probabilities from exact counts: per state, its transient successors with their transition
 * probabilities, and its probabilities of going straight to conversion and to null, each count over the state's total
 * (transitions out, conversions and nulls). States are renumbered by {@code rank}; successors are listed in rank order.
 */
record TransitionProbabilities(int[][] successors, double[][] probabilities, double[] conversion, double[] nulls) {

    /**
     * @param rank the new number of each state (the identity keeps them)
     * @param transitions transitions keyed {@code from << 32 | to}
     * @param counts each transition's count, by its number in {@code transitions}
     * @param toConversion, toNull each state's counts of journeys ending there in conversion and in null
     */
    static TransitionProbabilities of(int[] rank, LongIndex transitions, ExactSums counts, ExactSums toConversion,
            ExactSums toNull) {
        int n = rank.length;
        List<List<Integer>> outgoing = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            outgoing.add(new ArrayList<>());
        }
        for (int t = 0; t < transitions.size(); t++) {
            outgoing.get((int) (transitions.key(t) >>> 32)).add(t);
        }
        int[][] successors = new int[n][];
        double[][] probabilities = new double[n][];
        double[] conversion = new double[n];
        double[] nulls = new double[n];
        for (int s = 0; s < n; s++) {
            List<Integer> out = outgoing.get(s);
            out.sort(Comparator.comparingInt(t -> rank[(int) transitions.key(t)]));
            BigDecimal converted = toConversion.value(s);
            BigDecimal lost = toNull.value(s);
            BigDecimal total = converted.add(lost);
            for (int t : out) {
                total = total.add(counts.value(t));
            }
            double totalCount = total.signum() == 0 ? 1 : total.doubleValue();
            int r = rank[s];
            successors[r] = out.stream().mapToInt(t -> rank[(int) transitions.key(t)]).toArray();
            probabilities[r] = out.stream().mapToDouble(t -> counts.value(t).doubleValue() / totalCount).toArray();
            conversion[r] = converted.doubleValue() / totalCount;
            nulls[r] = lost.doubleValue() / totalCount;
        }
        return new TransitionProbabilities(successors, probabilities, conversion, nulls);
    }
}
