package io.tally.connectors.messaging;

import java.util.Objects;

import io.tally.events.Conversion;
import io.tally.events.Event;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;

/** One event bound for a topic under a record key. */
public record OutgoingEvent(String topic, String key, Event event) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
    }

    /** A touchpoint for {@link Topics#TOUCHPOINTS}, keyed by its customer identity. */
    public static OutgoingEvent of(Touchpoint touchpoint) {
        return new OutgoingEvent(Topics.TOUCHPOINTS, touchpoint.identifiers().partitionKey(), touchpoint);
    }

    /** A conversion for {@link Topics#CONVERSIONS}, keyed by its customer identity. */
    public static OutgoingEvent of(Conversion conversion) {
        return new OutgoingEvent(Topics.CONVERSIONS, conversion.identifiers().partitionKey(), conversion);
    }
}
