package io.tally.events;

import java.time.LocalDate;

import io.tally.events.validation.Violations;

/**
 * What a campaign spent on one channel on one day, as a platform or finance reports it. Key on {@link Topics#COSTS}: the
 * campaign code.
 *
 * @param source the platform that reported it (e.g. {@code meta}, {@code linkedin}, {@code finance})
 * @param impressions impressions delivered that day, when known
 * @param clicks clicks that day, when known
 * @param platformPurchases purchases the platform claims for the campaign that day, when reported; a labelled figure
 *        for comparison only, never counted as conversions (platforms over-claim)
 * @param platformPurchaseValue the value of those claimed purchases, when reported; likewise never revenue
 */
public record Cost(
        String eventId,
        LocalDate date,
        Channel channel,
        String campaignCode,
        String source,
        Money spend,
        Long impressions,
        Long clicks,
        Long platformPurchases,
        Money platformPurchaseValue) implements Event {

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 200);
        v.date("date", date);
        v.required("channel", channel);
        v.requiredText("campaignCode", campaignCode, 200);
        v.text("source", source, 200);
        if (v.required("spend", spend)) {
            v.nested("spend", spend, s -> {
                s.validate(v);
                v.notNegative("amount", s.amount());
            });
        }
        v.nested("platformPurchaseValue", platformPurchaseValue, p -> p.validate(v));
        if (impressions != null && impressions < 0) {
            v.add("impressions", "must not be negative");
        }
        if (clicks != null && clicks < 0) {
            v.add("clicks", "must not be negative");
        }
    }
}
