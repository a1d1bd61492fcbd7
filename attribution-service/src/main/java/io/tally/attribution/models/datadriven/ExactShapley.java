package io.tally.attribution.models.datadriven;

/** Exact Shapley values and pairwise interaction indices by enumerating every coalition. */
final class ExactShapley {

    private ExactShapley() {
    }

    /** φ(i) = Σ over S ⊆ N∖{i} of |S|!(n−|S|−1)!/n! · [v(S∪{i}) − v(S)], for v given on all 2^n masks. */
    static double[] values(double[] v, int n) {
        double[] weight = new double[n];
        for (int s = 0; s < n; s++) {
            weight[s] = 1.0 / (n * binomial(n - 1, s));
        }
        double[] phi = new double[n];
        for (int mask = 0; mask < (1 << n) - 1; mask++) {
            double w = weight[Integer.bitCount(mask)];
            for (int i = 0; i < n; i++) {
                int bit = 1 << i;
                if ((mask & bit) == 0) {
                    phi[i] += w * (v[mask | bit] - v[mask]);
                }
            }
        }
        return phi;
    }

    /**
     * I(i, j) = Σ over S ⊆ N∖{i, j} of |S|!(n−|S|−2)!/(n−1)! · [v(S∪{i,j}) − v(S∪{i}) − v(S∪{j}) + v(S)], for
     * {@code i < j} (the upper triangle; the rest is 0).
     */
    static double[][] interactions(double[] v, int n) {
        double[][] interaction = new double[n][n];
        if (n < 2) {
            return interaction;
        }
        double[] weight = new double[n - 1];
        for (int s = 0; s < n - 1; s++) {
            weight[s] = 1.0 / ((n - 1) * binomial(n - 2, s));
        }
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) > n - 2) {
                continue;
            }
            double w = weight[Integer.bitCount(mask)];
            for (int i = 0; i < n; i++) {
                int bi = 1 << i;
                if ((mask & bi) != 0) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    int bj = 1 << j;
                    if ((mask & bj) == 0) {
                        interaction[i][j] += w * (v[mask | bi | bj] - v[mask | bi] - v[mask | bj] + v[mask]);
                    }
                }
            }
        }
        return interaction;
    }

    static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
