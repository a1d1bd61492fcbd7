package io.tally.connectors.costs.domain;

import java.time.LocalDate;
import java.util.Objects;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;

/**
 * One campaign's figures for one day as an ad platform reports them.
 *
 * @param platform the platform, published as the cost's {@code source} ({@code meta}, {@code google-ads}, ...)
 * @param channel the channel the platform's spend is on ({@code paid_social}, {@code paid_search})
 * @param purchases purchases (conversions) the platform claims; a labelled comparison figure, never a conversion
 * @param purchaseValue their value; never revenue
 */
public record DailyCost(String platform, Channel channel, String campaignId, LocalDate date, Money spend,
        Long impressions, Long clicks, Long purchases, Money purchaseValue) {

    /**
     * The {@link Cost} of the day. Its line is {@code <platform>:<campaignId>:<date>} and its id
     * {@code cost:<line>:<digest>}, the digest being the first 16 hex digits of the SHA-256 of the figures: an
     * identical re-import is deduplicated, and a corrected figure is a new cost of the same line, which replaces the
     * earlier one in the consumers (they keep the latest cost per {@link Cost#line()}).
     */
    public Cost toCost() {
        return new Cost(eventId(), lineId(), date, channel, campaignId, null, null, platform, spend, impressions,
                clicks, purchases, purchaseValue);
    }

    String lineId() {
        return platform + ":" + campaignId + ":" + date;
    }

    String eventId() {
        String figures = String.join("|", spend.amount().toPlainString(), spend.currency(),
                Objects.toString(impressions, ""), Objects.toString(clicks, ""), Objects.toString(purchases, ""),
                purchaseValue == null ? "" : purchaseValue.amount().toPlainString() + " " + purchaseValue.currency());
        return "cost:" + lineId() + ":" + IdentityKeys.sha256(figures).substring(0, 16);
    }
}
