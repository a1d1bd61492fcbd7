package io.tally.attribution.models.datadriven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The characteristic function of the Shapley model: v(S) = conversions / journeys of the rows whose channel set is
 * contained in S, over channels numbered in name order and coalitions as bit masks; built by
 * {@link CoalitionGameBuilder}.
 */
public final class CoalitionGame {

    private final List<String> channels;
    private final long[] sets;
    private final double[] conversions;
    private final double[] journeys;
    private final int[][] rowsWith;
    private final double emptyBelow;

    CoalitionGame(List<String> channels, long[] sets, double[] conversions, double[] journeys) {
        this.channels = channels;
        this.sets = sets;
        this.conversions = conversions;
        this.journeys = journeys;
        this.emptyBelow = Arrays.stream(journeys).min().orElse(1) / 2;
        this.rowsWith = new int[channels.size()][];
        for (int c = 0; c < channels.size(); c++) {
            long bit = 1L << c;
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < sets.length; r++) {
                if ((sets[r] & bit) != 0) {
                    rows.add(r);
                }
            }
            rowsWith[c] = rows.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Builds the game; rows with an empty path or no journeys are left out. Rows with the same channel set are summed
     * exactly first, so the game does not depend on the order of the rows.
     *
     * @throws IllegalArgumentException when there are more than {@code maxChannels} channels
     */
    static CoalitionGame of(List<PathStat> rows, int maxChannels) {
        CoalitionGameBuilder builder = new CoalitionGameBuilder(new ChannelDictionary(), maxChannels);
        rows.forEach(builder::add);
        return builder.build();
    }

    List<String> channels() {
        return channels;
    }

    int size() {
        return channels.size();
    }

    /** Conversions and journeys of the rows whose set is contained in {@code mask}. */
    double[] totals(long mask) {
        double[] totals = new double[2];
        for (int r = 0; r < sets.length; r++) {
            if ((sets[r] & ~mask) == 0) {
                totals[0] += conversions[r];
                totals[1] += journeys[r];
            }
        }
        return totals;
    }

    /** The totals of {@code mask ∪ {channel}} from those of {@code mask} (channel not in mask). */
    double[] plus(long mask, double[] totals, int channel) {
        return shift(mask | 1L << channel, totals, channel, 1);
    }

    /** The totals of {@code mask ∖ {channel}} from those of {@code mask} (channel in mask). */
    double[] minus(long mask, double[] totals, int channel) {
        return shift(mask, totals, channel, -1);
    }

    private double[] shift(long within, double[] totals, int channel, int sign) {
        double[] result = totals.clone();
        for (int r : rowsWith[channel]) {
            if ((sets[r] & ~within) == 0) {
                result[0] += sign * conversions[r];
                result[1] += sign * journeys[r];
            }
        }
        return result;
    }

    /**
     * The conversion rate of some totals; 0 when no journey falls under the coalition. A coalition holding any row
     * has at least that row's journeys, so totals below half the smallest row are the rounding residue of an empty
     * coalition (left by {@link #minus}) and count as empty.
     */
    double rate(double[] totals) {
        return totals[1] < emptyBelow ? 0 : totals[0] / totals[1];
    }

    /** v(S) for one coalition. */
    double value(long mask) {
        return rate(totals(mask));
    }

    /** v(S) for every coalition of up to 30 channels, by a subset-sum (zeta) transform of the per-set totals. */
    double[] allValues() {
        int n = size();
        double[] converted = new double[1 << n];
        double[] total = new double[1 << n];
        for (int r = 0; r < sets.length; r++) {
            converted[(int) sets[r]] = conversions[r];
            total[(int) sets[r]] = journeys[r];
        }
        for (int c = 0; c < n; c++) {
            int bit = 1 << c;
            for (int mask = 0; mask < 1 << n; mask++) {
                if ((mask & bit) != 0) {
                    converted[mask] += converted[mask ^ bit];
                    total[mask] += total[mask ^ bit];
                }
            }
        }
        double[] values = new double[1 << n];
        for (int mask = 1; mask < 1 << n; mask++) {
            values[mask] = total[mask] <= 0 ? 0 : converted[mask] / total[mask];
        }
        return values;
    }
}
