package io.tally.connectors.messaging;

import java.util.Objects;

import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Cost;
import io.tally.events.Event;
import io.tally.events.IdentityLink;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;

/** One event bound for a topic under a record key. */
public record OutgoingEvent(String topic, String key, Event event) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
    }

    /** The event on its contract topic under its contract key (see the events module README). */
    public static OutgoingEvent of(Event event) {
        if (event instanceof Touchpoint t) {
            return new OutgoingEvent(Topics.TOUCHPOINTS, t.identifiers().partitionKey(), t);
        }
        if (event instanceof Conversion c) {
            return new OutgoingEvent(Topics.CONVERSIONS, c.identifiers().partitionKey(), c);
        }
        if (event instanceof ConversionAdjustment a) {
            return new OutgoingEvent(Topics.CONVERSION_ADJUSTMENTS, a.orderId(), a);
        }
        if (event instanceof Cost c) {
            return new OutgoingEvent(Topics.COSTS, c.key(), c);
        }
        if (event instanceof IdentityLink l) {
            return new OutgoingEvent(Topics.IDENTITY_LINKS, l.identifiers().partitionKey(), l);
        }
        if (event instanceof Reject r) {
            return new OutgoingEvent(Topics.REJECTS, r.source(), r);
        }
        throw new IllegalArgumentException("connectors do not publish " + event.getClass().getSimpleName());
    }
}
