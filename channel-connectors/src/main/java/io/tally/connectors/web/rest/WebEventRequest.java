package io.tally.connectors.web.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shape of one beacon event, for the OpenAPI document. The resource reads the JSON tree itself so that every bad
 * field of every event is reported at once, not only the first one Jackson trips over.
 */
@Schema(name = "WebEvent", description = "One beacon event: a page view or a purchase")
public record WebEventRequest(
        @Schema(required = true, enumeration = {
                "page_view", "purchase"}) String type,
        @Schema(description = "The client's id for this event; page views without one get a name-based UUID") String messageId,
        @Schema(description = "The browser's anonymous id; anonymousId or userId is required", examples = "a-7f3c9e") String anonymousId,
        @Schema(description = "The signed-in user's id", examples = "u-1042") String userId,
        @Schema(required = true, description = "When it happened: an ISO-8601 instant, at most the configured skew in the future", examples = "2026-11-22T10:15:30Z") String timestamp,
        @Schema(description = "The page URL; required (absolute http/https) for page views. Its utm_* and click-id parameters decide the channel", examples = "https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026") String url,
        @Schema(description = "The page's referrer URL", examples = "https://www.google.com/") String referrer,
        @Schema(description = "Purchases: the order id (required)", examples = "A-1001") String orderId,
        @Schema(type = SchemaType.STRING, description = "Purchases: revenue, zero or more, as a decimal string (a JSON number is accepted and read exactly); no more decimals than the currency allows", examples = "49.90") String revenue,
        @Schema(description = "Purchases: ISO 4217 currency code (required)", examples = "EUR") String currency,
        @Schema(description = "Purchases: the coupon code used", examples = "BF10") String couponCode){
}
