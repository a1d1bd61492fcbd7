package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link CoalitionGame} row by row: each row's channel set becomes a bit mask and rows with the same set are
 * summed exactly ({@link ExactSums}), so memory grows with the distinct channel sets, not with the rows, and the game
 * does not depend on the order of the rows.
 */
public final class CoalitionGameBuilder {

    private final ChannelDictionary channels;
    private final int maxChannels;
    private int[] bitOf = new int[0];
    private final List<Integer> seen = new ArrayList<>();
    private final Map<Long, Integer> sets = new HashMap<>();
    private final ExactSums conversions = new ExactSums();
    private final ExactSums journeys = new ExactSums();
    private int[] scratch = new int[16];

    /**
     * @param channels the dictionary the ids given to {@link #add(int[], int, BigDecimal, BigDecimal)} come from
     * @param maxChannels the most channels {@link #build()} accepts
     */
    public CoalitionGameBuilder(ChannelDictionary channels, int maxChannels) {
        this.channels = channels;
        this.maxChannels = maxChannels;
    }

    /** Adds a row of path statistics, numbering its channels in this builder's dictionary. */
    public void add(PathStat row) {
        scratch = channels.ids(row.path(), scratch);
        add(scratch, row.path().size(), row.conversions(), row.nulls());
    }

    /** Adds a row of channel ids {@code touches[0, length)}; rows without touches or journeys are left out. */
    public void add(int[] touches, int length, BigDecimal conversions, BigDecimal nulls) {
        BigDecimal total = conversions.add(nulls);
        if (total.signum() == 0 || length == 0) {
            return;
        }
        long set = 0;
        for (int i = 0; i < length; i++) {
            int bit = bitOf(touches[i]);
            if (bit < 64) {
                set |= 1L << bit;
            }
        }
        if (seen.size() > maxChannels || seen.size() > 64) {
            return;
        }
        int index = sets.computeIfAbsent(set, s -> sets.size());
        this.conversions.add(index, conversions);
        journeys.add(index, total);
    }

    /**
     * The game of the rows added so far, channels numbered in name order.
     *
     * @throws IllegalArgumentException when the rows hold more than {@code maxChannels} channels
     */
    public CoalitionGame build() {
        if (seen.size() > maxChannels) {
            throw new IllegalArgumentException("at most " + maxChannels + " channels are supported, got "
                    + seen.size());
        }
        TreeSet<String> names = new TreeSet<>();
        seen.forEach(id -> names.add(channels.name(id)));
        List<String> ordered = List.copyOf(names);
        int[] rank = new int[seen.size()];
        for (int bit = 0; bit < seen.size(); bit++) {
            rank[bit] = ordered.indexOf(channels.name(seen.get(bit)));
        }
        Map<Long, BigDecimal[]> bySet = new TreeMap<>();
        sets.forEach((set, index) -> {
            long mask = 0;
            for (int bit = 0; bit < rank.length; bit++) {
                if ((set & 1L << bit) != 0) {
                    mask |= 1L << rank[bit];
                }
            }
            bySet.put(mask, new BigDecimal[]{conversions.value(index), journeys.value(index)});
        });
        long[] masks = bySet.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] converted = bySet.values().stream().mapToDouble(t -> t[0].doubleValue()).toArray();
        double[] total = bySet.values().stream().mapToDouble(t -> t[1].doubleValue()).toArray();
        return new CoalitionGame(ordered, masks, converted, total);
    }

    private int bitOf(int id) {
        if (id >= bitOf.length) {
            int old = bitOf.length;
            bitOf = Arrays.copyOf(bitOf, Math.max(id + 1, old * 2));
            Arrays.fill(bitOf, old, bitOf.length, -1);
        }
        if (bitOf[id] < 0) {
            bitOf[id] = seen.size();
            seen.add(id);
        }
        return bitOf[id];
    }
}
