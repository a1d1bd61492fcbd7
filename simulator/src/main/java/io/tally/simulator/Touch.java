package io.tally.simulator;

/**
 * One touch of a simulated journey: a channel ({@code paid_search}), the kind of touch ({@code click}, {@code open},
 * {@code engagement}, {@code contact}, {@code visit}) and when it happened, in days since the journey started.
 */
public record Touch(String channel, String kind, double day) {

    /** The path-file state of this touch: {@code channel:kind}. */
    public String state() {
        return channel + ":" + kind;
    }
}
