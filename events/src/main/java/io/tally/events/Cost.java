package io.tally.events;

import java.time.LocalDate;
import java.util.UUID;

import io.tally.events.validation.Violations;

/**
 * What was spent on one day, as a platform or finance reports it: a campaign's spend on a channel (ad platforms, the
 * generic cost import), or a cost of a whole programme with no channel (agency fees, production, tools). Key on
 * {@link Topics#COSTS}: the campaign code, or the programme id when there is none ({@link #key()}).
 *
 * @param lineId the reported line this cost is the latest figure of ({@code <source>:<campaign>:<date>} for an ad
 *        platform's daily row): a later cost of the same line replaces it, so a corrected re-import is counted once;
 *        null when the cost is a line of its own (then its event id is its line, {@link #line()})
 * @param channel the channel the money was spent on; null for a shared cost of the programme (agency, production,
 *        tools), which the ROI report allocates to channels by a stated rule
 * @param campaignCode the campaign's tracking code; null for a programme-level cost (then {@code programmeId} says
 *        whose)
 * @param programmeId the programme a cost without a campaign code belongs to; ignored when a code is given (the code
 *        says whose)
 * @param category what the money bought, free text (e.g. {@code media}, {@code agency}, {@code production},
 *        {@code tools}); optional
 * @param source the platform or system that reported it (e.g. {@code meta}, {@code google-ads}, {@code finance})
 * @param impressions impressions delivered that day, when known
 * @param clicks clicks that day, when known
 * @param platformPurchases purchases the platform claims for the campaign that day, when reported; a labelled figure
 *        for comparison only, never counted as conversions (platforms over-claim)
 * @param platformPurchaseValue the value of those claimed purchases, when reported; likewise never revenue
 */
public record Cost(
        String eventId,
        String lineId,
        LocalDate date,
        Channel channel,
        String campaignCode,
        UUID programmeId,
        String category,
        String source,
        Money spend,
        Long impressions,
        Long clicks,
        Long platformPurchases,
        Money platformPurchaseValue) implements Event {

    /** A blank campaign code is no code: the cost then belongs to the programme it names, or to none (a violation). */
    public Cost {
        if (campaignCode != null && campaignCode.isBlank()) {
            campaignCode = null;
        }
    }

    /** A campaign's spend on a channel, as the ad platforms report it. */
    public Cost(String eventId, LocalDate date, Channel channel, String campaignCode, String source, Money spend,
            Long impressions, Long clicks, Long platformPurchases, Money platformPurchaseValue) {
        this(eventId, null, date, channel, campaignCode, null, null, source, spend, impressions, clicks,
                platformPurchases, platformPurchaseValue);
    }

    /** The line this cost states: {@code lineId}, or the event id when it has none. */
    public String line() {
        return lineId != null ? lineId : eventId;
    }

    /** The record key on {@link Topics#COSTS}: the campaign code, else the programme id. */
    public String key() {
        return campaignCode != null ? campaignCode : programmeId == null ? null : programmeId.toString();
    }

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 200);
        v.text("lineId", lineId, 300);
        v.date("date", date);
        v.text("campaignCode", campaignCode, 200);
        if ((campaignCode == null || campaignCode.isBlank()) && programmeId == null) {
            v.add("campaignCode", "is required unless programmeId names the programme the cost belongs to");
        }
        v.text("category", category, 50);
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
