package io.tally.attribution.models.datadriven;

import java.util.SplittableRandom;

/**
 * Monte-Carlo Shapley values and interaction indices from uniformly random channel orders, with standard errors.
 *
 * <p>
 * Each of {@code samples} permutations (Fisher–Yates with a {@link SplittableRandom} of the given seed) gives every
 * channel its marginal contribution v(P ∪ {i}) − v(P), P its predecessors, an unbiased draw of φ(i); and every pair
 * i &lt; j the difference v(S∪{i,j}) − v(S∪{i}) − v(S∪{j}) + v(S) with S = P(i) ∖ {j}, an unbiased draw of I(i, j)
 * (S then has exactly the distribution of the interaction index's weights). The estimate is the mean of the draws
 * and its standard error the sample standard deviation / √samples (Welford's running variance). The marginals of one
 * permutation telescope to v(N), so the estimates satisfy efficiency up to rounding.
 */
final class SampledShapley {

    /** Estimates with standard errors; interaction arrays hold the upper triangle (i &lt; j). */
    record Estimate(double[] values, double[] standardErrors, double[][] interactions,
            double[][] interactionStandardErrors) {
    }

    private SampledShapley() {
    }

    static Estimate estimate(CoalitionGame game, int samples, long seed) {
        int n = game.size();
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Welford[] values = new Welford[n];
        Welford[][] pairs = new Welford[n][n];
        for (int i = 0; i < n; i++) {
            values[i] = new Welford();
            for (int j = i + 1; j < n; j++) {
                pairs[i][j] = new Welford();
            }
        }
        long[] before = new long[n];
        double[][] totalsBefore = new double[n][];
        double[][] totalsWith = new double[n][];
        for (int sample = 0; sample < samples; sample++) {
            for (int i = n - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[k];
                order[k] = swap;
            }
            long prefix = 0;
            double[] totals = new double[2];
            for (int channel : order) {
                before[channel] = prefix;
                totalsBefore[channel] = totals;
                totals = game.plus(prefix, totals, channel);
                prefix |= 1L << channel;
                totalsWith[channel] = totals;
                values[channel].add(game.rate(totals) - game.rate(totalsBefore[channel]));
            }
            for (int i = 0; i < n; i++) {
                long p = before[i];
                long pi = p | 1L << i;
                for (int j = i + 1; j < n; j++) {
                    double delta;
                    if ((p & 1L << j) != 0) {
                        double[] withoutJ = game.minus(p, totalsBefore[i], j);
                        double[] iWithoutJ = game.minus(pi, totalsWith[i], j);
                        delta = game.rate(totalsWith[i]) - game.rate(iWithoutJ) - game.rate(totalsBefore[i])
                                + game.rate(withoutJ);
                    } else {
                        double[] withJ = game.plus(p, totalsBefore[i], j);
                        double[] withBoth = game.plus(pi, totalsWith[i], j);
                        delta = game.rate(withBoth) - game.rate(totalsWith[i]) - game.rate(
                                withJ) + game.rate(totalsBefore[i]);
                    }
                    pairs[i][j].add(delta);
                }
            }
        }
        double[] mean = new double[n];
        double[] error = new double[n];
        double[][] pairMean = new double[n][n];
        double[][] pairError = new double[n][n];
        for (int i = 0; i < n; i++) {
            mean[i] = values[i].mean;
            error[i] = values[i].standardError();
            for (int j = i + 1; j < n; j++) {
                pairMean[i][j] = pairs[i][j].mean;
                pairError[i][j] = pairs[i][j].standardError();
            }
        }
        return new Estimate(mean, error, pairMean, pairError);
    }

    /** Welford's running mean and variance. */
    private static final class Welford {
        private long count;
        private double mean;
        private double squares;

        void add(double x) {
            count++;
            double delta = x - mean;
            mean += delta / count;
            squares += delta * (x - mean);
        }

        double standardError() {
            return count < 2 ? 0 : Math.sqrt(squares / (count - 1) / count);
        }
    }
}
