package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Instant;

import io.tally.events.Channel;
import io.tally.events.TouchKind;

/**
 * One touch of a journey as the models see it: when it happened, on which channel, of what kind, and the weight its
 * programme gives that kind (positive: touches of weight 0 never reach a model).
 *
 * @param kind null when the journey knows channels only (a path file)
 */
public record JourneyTouch(Instant occurredAt, Channel channel, TouchKind kind, BigDecimal weight) {

    public JourneyTouch {
        if (weight.signum() <= 0) {
            throw new IllegalArgumentException("a touch that reaches a model has a positive weight, not " + weight);
        }
    }

    /** A touch known by its channel alone (kind unknown, weight 1), as path files and path statistics give it. */
    public JourneyTouch(Instant occurredAt, Channel channel) {
        this(occurredAt, channel, null, BigDecimal.ONE);
    }

    /**
     * The touch's state in the data-driven models: {@code channel:kind} ({@code email:open}, {@code email:click}), or
     * the channel alone when the kind is unknown.
     */
    public String state() {
        return kind == null ? channel.wireName() : kind.stateOf(channel.wireName());
    }
}
