package io.tally.connectors.web.domain;

import java.time.Instant;

import io.tally.events.Identifiers;
import io.tally.events.Money;

/**
 * One validated beacon event.
 *
 * @param messageId the client's own id for the event, or null
 * @param amount purchases: the revenue; refunds: the refunded amount; at the currency's scale ({@code 49.90} EUR)
 * @param emailSha256 sign-ups and purchases: the hash of {@code properties.email}; the raw address is never kept
 * @param refundId refunds: the shop's refund id, or null
 * @param campaign email opens: the campaign parameters of the pixel (others take theirs from the URL); else null
 * @param analyticsConsent false when the visitor refused analytics: the event is then kept unlinked
 */
public record WebEvent(
        WebEventType type,
        String messageId,
        String anonymousId,
        String userId,
        Instant timestamp,
        String url,
        String referrer,
        String orderId,
        Money amount,
        String couponCode,
        String emailSha256,
        String refundId,
        UtmParameters campaign,
        boolean analyticsConsent) {

    /** An event with consent and without the optional details of sign-ups, refunds and email opens. */
    public WebEvent(WebEventType type, String messageId, String anonymousId, String userId, Instant timestamp,
            String url, String referrer, String orderId, Money amount, String couponCode) {
        this(type, messageId, anonymousId, userId, timestamp, url, referrer, orderId, amount, couponCode, null, null,
                null, true);
    }

    /** The identifiers the visitor gave, as sent (consent is applied by the mapper). */
    public Identifiers identifiers() {
        return new Identifiers(anonymousId, userId, emailSha256, null, null, null);
    }

    /** The same event without analytics consent. */
    public WebEvent withoutConsent() {
        return new WebEvent(type, messageId, anonymousId, userId, timestamp, url, referrer, orderId, amount,
                couponCode, emailSha256, refundId, campaign, false);
    }
}
