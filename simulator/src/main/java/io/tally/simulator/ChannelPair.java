package io.tally.simulator;

/** An unordered pair of channels with a synergy term; {@link #of} stores the names in alphabetical order. */
public record ChannelPair(String first, String second) {

    public ChannelPair {
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("a pair holds two channels in order, got " + first + ", " + second);
        }
    }

    public static ChannelPair of(String a, String b) {
        return a.compareTo(b) < 0 ? new ChannelPair(a, b) : new ChannelPair(b, a);
    }
}
