package io.tally.attribution.models.datadriven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shapley-value attribution over channel sets, with pairwise interaction indices.
 *
 * <p>
 * The players are the channels of the rows; a coalition S is worth v(S) = conversions / (conversions + nulls) of
 * the rows whose channel set is contained in S (order and repeats do not matter), with v(∅) = 0 and v(S) = 0 when no
 * journey falls under S. Rows with an empty path are left out: they have no channel to credit, and counting them in
 * every non-empty coalition would hand their conversions to whichever channel joins first.
 *
 * <p>
 * φ(i) = Σ over S ⊆ N∖{i} of |S|!(n−|S|−1)!/n! · [v(S∪{i}) − v(S)], so Σ φ = v(N) (efficiency); a channel's share is
 * φ(i) / Σ φ. The interaction index of two channels is I(a,b) = Σ over S ⊆ N∖{a,b} of |S|!(n−|S|−2)!/(n−1)! ·
 * [v(S∪{a,b}) − v(S∪{a}) − v(S∪{b}) + v(S)]: positive when a and b convert better together than their separate
 * effects (e.g. social × email synergy), negative when they substitute for each other, 0 when they add up.
 *
 * <p>
 * With up to {@code exactLimit} channels (default {@value #EXACT_LIMIT}) both are exact: v is computed for all 2^n
 * coalitions by a subset-sum (zeta) transform of the per-set totals, then summed in O(n·2^n) and O(n²·2^n). Above
 * the limit they are estimated from {@code samples} uniformly random channel orders drawn from a seeded generator
 * (see {@link SampledShapley}), each estimate reported with its standard error; the same seed gives the same
 * result. At most {@value #MAX_CHANNELS} channels are supported.
 */
public final class ShapleyModel {

    /** The model's name. */
    public static final String NAME = "shapley";

    /** The default number of channels up to which values are computed exactly. */
    public static final int EXACT_LIMIT = 15;

    /** The largest exact limit accepted (2^20 coalitions). */
    public static final int MAX_EXACT_LIMIT = 20;

    /** The most channels the model handles. */
    public static final int MAX_CHANNELS = 64;

    /** The default number of sampled permutations above the exact limit. */
    public static final int DEFAULT_SAMPLES = 10_000;

    /** The default seed of the sampler. */
    public static final long DEFAULT_SEED = 20_261_122L;

    private final int exactLimit;
    private final int samples;
    private final long seed;

    /** Exact up to {@value #EXACT_LIMIT} channels, else {@value #DEFAULT_SAMPLES} permutations, fixed seed. */
    public ShapleyModel() {
        this(EXACT_LIMIT, DEFAULT_SAMPLES, DEFAULT_SEED);
    }

    /**
     * @param exactLimit the most channels computed exactly, 0 to {@value #MAX_EXACT_LIMIT}
     * @param samples the permutations sampled above the limit, at least 2 (for a standard error)
     * @param seed the sampler's seed
     * @throws IllegalArgumentException for a limit or sample count out of range
     */
    public ShapleyModel(int exactLimit, int samples, long seed) {
        if (exactLimit < 0 || exactLimit > MAX_EXACT_LIMIT) {
            throw new IllegalArgumentException("exactLimit must be between 0 and " + MAX_EXACT_LIMIT + ", was "
                    + exactLimit);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2, was " + samples);
        }
        this.exactLimit = exactLimit;
        this.samples = samples;
        this.seed = seed;
    }

    /**
     * Fits the model to path statistics; the result does not depend on the order of the rows.
     *
     * @param rows path statistics; may be empty
     * @throws IllegalArgumentException when the rows hold more than {@value #MAX_CHANNELS} channels
     */
    public ShapleyResult fit(List<PathStat> rows) {
        return fit(CoalitionGame.of(rows, MAX_CHANNELS));
    }

    /** Fits the model to a game already built (e.g. row by row with a {@link CoalitionGameBuilder}). */
    public ShapleyResult fit(CoalitionGame game) {
        int n = game.size();
        long all = n == 64 ? -1L : (1L << n) - 1;
        boolean exact = n <= exactLimit;
        SampledShapley.Estimate estimate;
        if (exact) {
            double[] v = game.allValues();
            estimate = new SampledShapley.Estimate(ExactShapley.values(v, n), new double[n], ExactShapley
                    .interactions(v, n), new double[n][n]);
        } else {
            estimate = SampledShapley.estimate(game, samples, seed);
        }
        List<String> channels = game.channels();
        Map<String, Double> values = new TreeMap<>();
        Map<String, Double> errors = new TreeMap<>();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            values.put(channels.get(i), estimate.values()[i]);
            errors.put(channels.get(i), estimate.standardErrors()[i]);
            sum += estimate.values()[i];
        }
        Map<String, Double> shares = new TreeMap<>();
        for (Map.Entry<String, Double> value : values.entrySet()) {
            shares.put(value.getKey(), sum == 0 ? 0 : value.getValue() / sum);
        }
        List<ShapleyResult.Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                interactions.add(new ShapleyResult.Interaction(channels.get(i), channels.get(j), estimate
                        .interactions()[i][j], estimate.interactionStandardErrors()[i][j]));
            }
        }
        return new ShapleyResult(exact, exact ? 0 : samples, game.value(all), values, errors, shares, interactions);
    }
}
