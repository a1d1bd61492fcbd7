package io.tally.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The true incremental credit per channel, from the causal model itself. For one customer with intent u and exposure
 * e_c over the n channels they saw, the game is v(S) = P(convert | only the channels in S, u) − P(convert | none, u),
 * and a channel's credit is its exact Shapley value
 *
 * <pre>
 * φ_i = Σ_{S ⊆ N∖{i}} |S|!·(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S))
 * </pre>
 *
 * by enumerating all 2^n subsets (n at most {@value #MAX_CHANNELS}). The φ_i sum to v(N): the conversion probability
 * the touches added for that customer. Credit is summed over <em>every</em> customer, converting or not: a channel's
 * truth is the expected number of conversions (or revenue) it caused, which is a property of the model and the
 * journeys, not of the one random draw; summing over converters only would condition on the outcome and overstate the
 * channels high-intent customers see. {@link Weight#REVENUE} weighs each customer's φ by their order value.
 */
public final class Truth {

    /** The most distinct channels one customer may see: 2^12 = 4096 subsets per customer. */
    public static final int MAX_CHANNELS = 12;

    /** What a unit of credit counts. */
    public enum Weight {
        /** expected incremental conversions */
        CONVERSIONS,
        /** expected incremental revenue: φ times the customer's order value */
        REVENUE
    }

    private Truth() {
    }

    /** φ per channel for one customer (channels sorted by name). */
    public static Map<String, Double> shapley(CausalModel model, Map<String, Double> exposure, double intent) {
        String[] channels = exposure.keySet().stream().sorted().toArray(String[]::new);
        int n = channels.length;
        if (n > MAX_CHANNELS) {
            throw new IllegalArgumentException(
                    "a customer saw " + n + " channels; exact Shapley is capped at " + MAX_CHANNELS);
        }
        double[] value = new double[1 << n];
        double none = model.probability(Map.of(), intent);
        for (int mask = 0; mask < value.length; mask++) {
            Map<String, Double> only = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    only.put(channels[i], exposure.get(channels[i]));
                }
            }
            value[mask] = model.probability(only, intent) - none;
        }
        double[] weight = new double[n];
        for (int size = 0; size < n; size++) {
            weight[size] = factorial(size) * factorial(n - size - 1) / factorial(n);
        }
        Map<String, Double> phi = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            double sum = 0;
            for (int mask = 0; mask < value.length; mask++) {
                if ((mask & bit) == 0) {
                    sum += weight[Integer.bitCount(mask)] * (value[mask | bit] - value[mask]);
                }
            }
            phi.put(channels[i], sum);
        }
        return phi;
    }

    /** Σ over customers of φ per channel (times the order value for {@link Weight#REVENUE}). */
    public static Map<String, Double> credit(CausalModel model, List<Customer> customers, Weight weight) {
        Map<String, Double> credit = new TreeMap<>();
        for (Customer customer : customers) {
            double scale = weight == Weight.REVENUE ? customer.orderValue().doubleValue() : 1.0;
            Map<String, Double> exposure = model.exposure(customer.touches(), customer.decisionDay());
            shapley(model, exposure, customer.intent())
                    .forEach((channel, phi) -> credit.merge(channel, phi * scale, Double::sum));
        }
        return credit;
    }

    /** Each channel's credit over the total: the true shares, summing to 1 (empty if the total is 0). */
    public static Map<String, Double> shares(Map<String, Double> credit) {
        double total = credit.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new TreeMap<>();
        if (total != 0) {
            credit.forEach((channel, value) -> shares.put(channel, value / total));
        }
        return shares;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
