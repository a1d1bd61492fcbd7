package io.tally.connectors.social.domain;

import java.time.LocalDate;
import java.util.Objects;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;

/**
 * One campaign's figures for one day as an ad platform reports them.
 *
 * @param platform the platform, published as the cost's {@code source} ({@code meta}, {@code linkedin}, ...)
 * @param purchases purchases (conversions) the platform claims; a labelled comparison figure, never a conversion
 * @param purchaseValue their value; never revenue
 */
public record DailyCost(String platform, String campaignId, LocalDate date, Money spend, Long impressions, Long clicks,
        Long purchases, Money purchaseValue) {

    /**
     * The {@link Cost} on paid social. Its id is {@code cost:<platform>:<campaignId>:<date>:<digest>}, the digest
     * being the first 16 hex digits of the SHA-256 of the figures: an identical re-import is deduplicated, a corrected
     * figure is a new cost, and consumers keep the latest cost per (source, campaign, date).
     */
    public Cost toCost() {
        return new Cost(eventId(), date, Channel.PAID_SOCIAL, campaignId, platform, spend, impressions, clicks,
                purchases, purchaseValue);
    }

    String eventId() {
        String figures = String.join("|", spend.amount().toPlainString(), spend.currency(),
                Objects.toString(impressions, ""), Objects.toString(clicks, ""), Objects.toString(purchases, ""),
                purchaseValue == null ? "" : purchaseValue.amount().toPlainString() + " " + purchaseValue.currency());
        return "cost:" + platform + ":" + campaignId + ":" + date + ":" + IdentityKeys.sha256(figures).substring(0, 16);
    }
}
