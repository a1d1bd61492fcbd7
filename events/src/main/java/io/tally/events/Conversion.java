package io.tally.events;

import java.time.Instant;

import io.tally.events.validation.Violations;

/**
 * A customer bought: revenue booked for an order. The order id makes it unique: the same order seen by the site beacon and
 * by the shop's webhook has the same {@code eventId}. Key on {@link Topics#CONVERSIONS}:
 * {@link Identifiers#partitionKey()}.
 *
 * @param revenue booked revenue, zero or positive; refunds come as {@link ConversionAdjustment}
 * @param couponCode a coupon or promo code used, which may resolve to a campaign; null when none
 * @param source where the conversion was observed (e.g. {@code web}, {@code shopify}, {@code pos})
 * @param trust who stated the revenue; a verified statement of an order replaces an unverified one
 */
public record Conversion(
        String eventId,
        String orderId,
        Instant occurredAt,
        Money revenue,
        Identifiers identifiers,
        String couponCode,
        String source,
        Trust trust) implements Event {

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 200);
        v.requiredText("orderId", orderId, 200);
        v.instant("occurredAt", occurredAt);
        v.text("couponCode", couponCode, 200);
        v.text("source", source, 200);
        if (v.required("revenue", revenue)) {
            v.nested("revenue", revenue, r -> {
                r.validate(v);
                v.notNegative("amount", r.amount());
            });
        }
        if (v.required("identifiers", identifiers)) {
            v.nested("identifiers", identifiers, ids -> ids.validate(v));
        }
    }
}
