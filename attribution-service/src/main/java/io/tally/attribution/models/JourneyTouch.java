package io.tally.attribution.models;

import java.time.Instant;

import io.tally.events.Channel;

/** One touch of a journey as the models see it: when it happened and on which channel. */
public record JourneyTouch(Instant occurredAt, Channel channel) {
}
