package io.tally.events;

import java.time.Instant;

import io.tally.events.validation.Violations;

/**
 * A customer met the programme: a visit with campaign parameters, an ad click, an email open, a call. Key on
 * {@link Topics#TOUCHPOINTS}: {@link Identifiers#partitionKey()}.
 *
 * @param campaignCode the tracking code that resolves to a campaign (utm_campaign, email campaign id, ad campaign id,
 *        coupon or offline code); null when the touch carries none
 * @param cost what this single touch cost, when the source knows it (e.g. a call-centre call); null otherwise
 * @param trust who reported the touch; the identifiers of unverified touches join profiles only within bounds
 */
public record Touchpoint(
        String eventId,
        Instant occurredAt,
        Channel channel,
        InteractionType interactionType,
        String source,
        String medium,
        String campaignCode,
        Identifiers identifiers,
        String url,
        Money cost,
        Trust trust) implements Event {

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 200);
        v.instant("occurredAt", occurredAt);
        v.required("channel", channel);
        v.required("interactionType", interactionType);
        v.text("campaignCode", campaignCode, 200);
        v.text("source", source, 200);
        v.text("medium", medium, 200);
        v.text("url", url, 4096);
        if (v.required("identifiers", identifiers)) {
            v.nested("identifiers", identifiers, ids -> ids.validate(v));
        }
        v.nested("cost", cost, c -> {
            c.validate(v);
            v.notNegative("amount", c.amount());
        });
    }
}
