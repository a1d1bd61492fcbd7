package io.tally.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far a model's channel shares are from the true shares: the total variation distance TVD = ½ Σ_c |p_c − q_c|
 * over the union of channels (a channel missing from a map has share 0; 0 = perfect, 1 = disjoint) and the largest
 * per-channel absolute error max_c |p_c − q_c|.
 */
public final class Accuracy {

    private Accuracy() {
    }

    public static double totalVariation(Map<String, Double> p, Map<String, Double> q) {
        double sum = 0;
        for (String channel : channels(p, q)) {
            sum += Math.abs(p.getOrDefault(channel, 0.0) - q.getOrDefault(channel, 0.0));
        }
        return sum / 2;
    }

    public static double maxAbsoluteError(Map<String, Double> p, Map<String, Double> q) {
        double max = 0;
        for (String channel : channels(p, q)) {
            max = Math.max(max, Math.abs(p.getOrDefault(channel, 0.0) - q.getOrDefault(channel, 0.0)));
        }
        return max;
    }

    private static Set<String> channels(Map<String, Double> p, Map<String, Double> q) {
        Set<String> channels = new TreeSet<>(p.keySet());
        channels.addAll(q.keySet());
        return channels;
    }
}
