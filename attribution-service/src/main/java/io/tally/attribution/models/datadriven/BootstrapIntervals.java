package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Percentile bootstrap intervals of a data-driven model's channel shares over a path file's journeys. Each replicate
 * redraws every row's converting and non-converting journeys as Poisson counts with the row's counts as means (the
 * Poisson bootstrap: resampling journeys with replacement, row by row), refits the model, and takes its shares; a
 * channel's interval is the {@code (1 − level)/2} and {@code (1 + level)/2} quantiles of its replicate shares (linear
 * between order statistics). The generator is seeded, so the same file gives the same intervals.
 */
public final class BootstrapIntervals {

    /**
     * One channel's (or state's) share under one model, with the interval around it.
     *
     * @param model the model
     * @param channel the channel or state
     * @param share its share of the model's credit on the data itself
     * @param low the interval's lower end
     * @param high its upper end
     * @param level the interval's level, 0.9
     * @param replicates the bootstrap replicates it rests on
     */
    public record Interval(String model, String channel, double share, double low, double high, double level,
            int replicates) {
    }

    /** The level of every interval. */
    public static final double LEVEL = 0.9;

    static final long SEED = 20_261_206L;

    private BootstrapIntervals() {
    }

    /** Intervals around {@code point} (shares by channel), refitting {@code fit} on {@code replicates} redraws. */
    public static List<Interval> of(String model, List<PathStat> rows, Map<String, Double> point,
            Function<List<PathStat>, Map<String, Double>> fit, int replicates, double level) {
        return around(model, point, replicates(rows, fit, replicates), level);
    }

    /**
     * The shares of {@code replicates} refits of {@code fit}, each on a Poisson redraw of the rows (no shares for a
     * redraw that kept no journey with touches).
     */
    public static List<Map<String, Double>> replicates(List<PathStat> rows,
            Function<List<PathStat>, Map<String, Double>> fit, int replicates) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Map<String, Double>> out = new ArrayList<>(replicates);
        for (int r = 0; r < replicates; r++) {
            List<PathStat> redrawn = new ArrayList<>(rows.size());
            for (PathStat row : rows) {
                long conversions = poisson(random, row.conversions().doubleValue());
                long nulls = poisson(random, row.nulls().doubleValue());
                if (conversions + nulls > 0) {
                    redrawn.add(PathStat.of(row.path(), conversions, nulls));
                }
            }
            out.add(redrawn.stream().allMatch(p -> p.path().isEmpty()) ? Map.of() : fit.apply(redrawn));
        }
        return out;
    }

    /**
     * Each key of {@code point}: its share with the percentile interval of its shares over {@code replicates} (a key
     * a replicate lacks has share 0 there).
     */
    public static List<Interval> around(String model, Map<String, Double> point,
            List<Map<String, Double>> replicates, double level) {
        List<Interval> out = new ArrayList<>();
        for (Map.Entry<String, Double> channel : new TreeMap<>(point).entrySet()) {
            double[] sorted = replicates.stream().mapToDouble(r -> r.getOrDefault(channel.getKey(), 0.0)).toArray();
            Arrays.sort(sorted);
            out.add(new Interval(model, channel.getKey(), channel.getValue(), quantile(sorted, (1 - level) / 2),
                    quantile(sorted, (1 + level) / 2), level, sorted.length));
        }
        return out;
    }

    /**
     * Shares of states ({@code channel:kind}, or a channel's plain name) summed per channel: the part of a state
     * before its first {@code :}.
     */
    public static Map<String, Double> byChannel(Map<String, Double> stateShares) {
        Map<String, Double> out = new TreeMap<>();
        stateShares.forEach((state, share) -> {
            int colon = state.indexOf(':');
            out.merge(colon < 0 ? state : state.substring(0, colon), share, Double::sum);
        });
        return out;
    }

    /** Shares from non-negative weights: each over their sum (all 0 when the sum is 0). */
    public static Map<String, Double> shares(Map<String, ? extends Number> weights) {
        double total = 0;
        for (Number w : weights.values()) {
            total += Math.max(0, w.doubleValue());
        }
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, ? extends Number> w : weights.entrySet()) {
            out.put(w.getKey(), total == 0 ? 0 : Math.max(0, w.getValue().doubleValue()) / total);
        }
        return out;
    }

    /** Shares from decimal weights. */
    public static Map<String, Double> sharesOf(Map<String, BigDecimal> weights) {
        Map<String, Double> asDouble = new TreeMap<>();
        weights.forEach((k, v) -> asDouble.put(k, v.doubleValue()));
        return shares(asDouble);
    }

    static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /** A Poisson draw with mean {@code mean}: by multiplication below 30, else the normal approximation, rounded. */
    static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
    }
}
