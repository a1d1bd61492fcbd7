package io.tally.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.tally.events.validation.Violations;

/**
 * A booked order changed after the fact: a (partial) refund or a cancellation. Key on
 * {@link Topics#CONVERSION_ADJUSTMENTS}: the order id.
 *
 * @param amount the positive amount taken back from the order's revenue, in the order's currency
 * @param trust who stated the refund; unverified refunds are refused
 */
public record ConversionAdjustment(
        String eventId,
        String orderId,
        Instant occurredAt,
        Kind kind,
        Money amount,
        String reason,
        Trust trust) implements Event {

    /** What happened to the order. */
    public enum Kind {
        REFUND, CANCELLATION;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        static Kind parse(String name) {
            return WireNames.parse(Kind.class, name, "adjustment kind");
        }
    }

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 200);
        v.requiredText("orderId", orderId, 200);
        v.instant("occurredAt", occurredAt);
        v.text("reason", reason, 1000);
        v.required("kind", kind);
        if (v.required("amount", amount)) {
            v.nested("amount", amount, a -> {
                a.validate(v);
                v.notNegative("amount", a.amount());
            });
        }
    }
}
