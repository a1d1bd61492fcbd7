package io.tally.attribution.evaluation;

import java.util.Arrays;

/**
 * Sums of {@code double}s, one per index, with Neumaier's compensation: the error stays about one rounding of the result
 * however many terms there are, so millions of path rows still sum correctly to the 6 decimals the evaluation reports
 * (a plain {@code double} sum drifts, e.g. 37870644.200001 for a sum of cents).
 */
final class CompensatedSums {

    private double[] sum = new double[8];
    private double[] compensation = new double[8];

    /** Adds a term to the sum at an index, growing as needed. */
    void add(int index, double term) {
        if (index >= sum.length) {
            int size = Math.max(index + 1, sum.length * 2);
            sum = Arrays.copyOf(sum, size);
            compensation = Arrays.copyOf(compensation, size);
        }
        double s = sum[index];
        double t = s + term;
        compensation[index] += Math.abs(s) >= Math.abs(term) ? (s - t) + term : (term - t) + s;
        sum[index] = t;
    }

    /** The sum at an index; zero for an index never added to. */
    double value(int index) {
        return index < sum.length ? sum[index] + compensation[index] : 0;
    }
}
