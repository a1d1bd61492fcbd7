package io.tally.attribution.models.datadriven;

import java.util.ArrayDeque;
import java.util.Deque;

/** Exact absorption probabilities of an absorbing Markov chain by Gaussian elimination on (I − Q). */
final class AbsorbingChainSolver {

    private AbsorbingChainSolver() {
    }

    /**
     * The probability of being absorbed in "conversion" when starting from state 0.
     *
     * <p>
     * States that are removed, unreachable from state 0, or cannot reach conversion are dropped first (their
     * absorption probability is exactly 0); the remaining system {@code x = Q x + c} is solved as
     * {@code (I − Q) x = c} by Gaussian elimination with partial pivoting, in double precision and a fixed order, so
     * the result is deterministic. Dropping those states also makes a removal that touches none of the kept states
     * solve the very same system, so its removal effect is exactly 0.
     *
     * @param successors per state, the indices of its transient successors
     * @param probabilities per state, the probabilities of those transitions
     * @param conversion per state, the probability of going straight to conversion
     * @param removed per state, whether it is removed (transitions into it go to null)
     */
    static double conversionFromStart(int[][] successors, double[][] probabilities, double[] conversion,
            boolean[] removed) {
        int n = conversion.length;
        if (removed[0]) {
            return 0;
        }
        boolean[] kept = reachableFromStart(successors, probabilities, removed);
        boolean[] coReachable = reachingConversion(successors, probabilities, conversion, removed);
        int[] index = new int[n];
        int size = 0;
        for (int s = 0; s < n; s++) {
            kept[s] &= coReachable[s];
            index[s] = kept[s] ? size++ : -1;
        }
        if (!kept[0]) {
            return 0;
        }
        double[][] a = new double[size][size + 1];
        for (int s = 0; s < n; s++) {
            if (!kept[s]) {
                continue;
            }
            int row = index[s];
            a[row][row] += 1;
            for (int e = 0; e < successors[s].length; e++) {
                int t = successors[s][e];
                if (kept[t]) {
                    a[row][index[t]] -= probabilities[s][e];
                }
            }
            a[row][size] = conversion[s];
        }
        return solve(a)[index[0]];
    }

    /**
     * Solves the augmented system {@code a = [A | b]} in place by Gaussian elimination with partial pivoting; the
     * row updates skip the pivot row's zero entries, which leaves the arithmetic unchanged and keeps sparse chains
     * cheap.
     */
    static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (a[pivot][col] == 0) {
                throw new IllegalStateException("singular system at column " + col);
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            int[] nonZero = new int[n + 1 - col];
            int count = 0;
            for (int c = col; c <= n; c++) {
                if (a[col][c] != 0) {
                    nonZero[count++] = c;
                }
            }
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                if (factor != 0) {
                    for (int k = 0; k < count; k++) {
                        a[r][nonZero[k]] -= factor * a[col][nonZero[k]];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    private static boolean[] reachableFromStart(int[][] successors, double[][] probabilities, boolean[] removed) {
        boolean[] seen = new boolean[removed.length];
        Deque<Integer> queue = new ArrayDeque<>();
        seen[0] = true;
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int e = 0; e < successors[s].length; e++) {
                int t = successors[s][e];
                if (!seen[t] && !removed[t] && probabilities[s][e] > 0) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return seen;
    }

    private static boolean[] reachingConversion(int[][] successors, double[][] probabilities, double[] conversion,
            boolean[] removed) {
        int n = conversion.length;
        boolean[] reaches = new boolean[n];
        for (int s = 0; s < n; s++) {
            reaches[s] = !removed[s] && conversion[s] > 0;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < n; s++) {
                if (reaches[s] || removed[s]) {
                    continue;
                }
                for (int e = 0; e < successors[s].length && !reaches[s]; e++) {
                    reaches[s] = reaches[successors[s][e]] && probabilities[s][e] > 0;
                }
                changed |= reaches[s];
            }
        }
        return reaches;
    }
}
