package io.tally.connectors.web.domain;

import java.time.Instant;

import io.tally.events.Identifiers;
import io.tally.events.Money;

/**
 * One validated beacon event. Page views carry a URL; purchases an order id and revenue.
 *
 * @param messageId the client's own id for the event, or null
 * @param revenue for purchases: the amount at the currency's scale ({@code 49.90} EUR); null for page views
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
        Money revenue,
        String couponCode) {

    public Identifiers identifiers() {
        return new Identifiers(anonymousId, userId, null, null, null, null);
    }
}
