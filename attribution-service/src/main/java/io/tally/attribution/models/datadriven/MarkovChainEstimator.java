package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Estimates a {@link MarkovChain} row by row, so a path file need not be held in memory: memory grows with the
 * distinct states and transitions, not with the rows. A state (the last at most k channels, k ≤ 3) is packed into a
 * {@code long} of channel ids from a {@link ChannelDictionary}; transition counts are summed exactly in
 * {@link ExactSums}, so the chain does not depend on the order of the rows.
 */
public final class MarkovChainEstimator {

    private static final int BITS = 20;
    private static final long ID_MASK = (1L << BITS) - 1;

    private final int order;
    private final ChannelDictionary channels;
    private final LongIndex states = new LongIndex();
    private final LongIndex transitions = new LongIndex();
    private final ExactSums transitionCounts = new ExactSums();
    private final ExactSums toConversion = new ExactSums();
    private final ExactSums toNull = new ExactSums();
    private int[] scratch = new int[16];

    /**
     * @param order k, 1 to 3
     * @param channels the dictionary the ids given to {@link #add(int[], int, BigDecimal, BigDecimal)} come from
     */
    public MarkovChainEstimator(int order, ChannelDictionary channels) {
        if (order < 1 || order > 3) {
            throw new IllegalArgumentException("order must be 1, 2 or 3, was " + order);
        }
        this.order = order;
        this.channels = channels;
        states.indexOf(0L);
    }

    /** Adds a row of path statistics, numbering its channels in this estimator's dictionary. */
    public void add(PathStat row) {
        scratch = channels.ids(row.path(), scratch);
        add(scratch, row.path().size(), row.conversions(), row.nulls());
    }

    /**
     * Adds a row: the touches {@code touches[0, length)} as channel ids (consecutive repeats are collapsed here), and
     * its converting and non-converting journeys; a row without journeys is ignored.
     */
    public void add(int[] touches, int length, BigDecimal conversions, BigDecimal nulls) {
        BigDecimal journeys = conversions.add(nulls);
        if (journeys.signum() == 0) {
            return;
        }
        boolean whole = ExactSums.isWhole(journeys);
        long wholeJourneys = whole ? journeys.longValue() : 0;
        long state = 0;
        int from = 0;
        int previous = -1;
        for (int i = 0; i < length; i++) {
            int channel = touches[i];
            if (channel == previous) {
                continue;
            }
            if (channel > ID_MASK) {
                throw new IllegalArgumentException("at most " + (ID_MASK + 1) + " channels are supported");
            }
            previous = channel;
            state = next(state, channel);
            int to = states.indexOf(state);
            int transition = transitions.indexOf((long) from << 32 | to);
            if (whole) {
                transitionCounts.add(transition, wholeJourneys);
            } else {
                transitionCounts.add(transition, journeys);
            }
            from = to;
        }
        toConversion.add(from, conversions);
        toNull.add(from, nulls);
    }

    /** The chain of the rows added so far. */
    public MarkovChain build() {
        int n = states.size();
        List<List<String>> names = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            names.add(decode(states.key(s)));
        }
        Integer[] sorted = new Integer[n];
        Arrays.setAll(sorted, s -> s);
        Comparator<Integer> byState = Comparator.comparing(names::get, MarkovChain.STATE_ORDER);
        Arrays.sort(sorted, byState);
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[sorted[r]] = r;
        }
        TransitionProbabilities chain = TransitionProbabilities.of(rank, transitions, transitionCounts, toConversion,
                toNull);
        List<List<String>> ordered = Arrays.stream(sorted).map(names::get).toList();
        return new MarkovChain(order, ordered, chain.successors(), chain.probabilities(), chain.conversion(),
                chain.nulls());
    }

    private long next(long state, int channel) {
        int length = (int) (state >>> 60);
        long ids = (state << BITS | channel) & ((1L << BITS * order) - 1);
        return (long) Math.min(length + 1, order) << 60 | ids;
    }

    private List<String> decode(long state) {
        int length = (int) (state >>> 60);
        List<String> names = new ArrayList<>(length);
        for (int i = length - 1; i >= 0; i--) {
            names.add(channels.name((int) (state >>> BITS * i & ID_MASK)));
        }
        return List.copyOf(names);
    }
}
