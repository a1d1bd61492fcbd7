package io.tally.connectors.web.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shape of one beacon event, for the OpenAPI document. The resource reads the JSON tree itself so that every bad
 * field of every event is reported at once, not only the first one Jackson trips over.
 */
@Schema(name = "WebEvent", description = "One beacon event: page_view, click, sign_up or purchase (a refund is refused: the open collector cannot refund)")
public record WebEventRequest(
        @Schema(required = true, enumeration = {
                "page_view", "click", "sign_up", "purchase", "refund"}) String type,
        @Schema(description = "The client's id for this event; touches and sign-ups without one get a name-based UUID") String messageId,
        @Schema(description = "The browser's anonymous id; anonymousId or userId is required, sign_up needs both", examples = "a-7f3c9e") String anonymousId,
        @Schema(description = "The signed-in user's id", examples = "u-1042") String userId,
        @Schema(required = true, description = "When it happened: an ISO-8601 instant, at most the configured skew in the future", examples = "2026-11-22T10:15:30Z") String timestamp,
        @Schema(description = "The page URL (page_view) or the landing URL of the clicked link (click): required, absolute http/https. Its utm_* and click-id parameters decide the channel", examples = "https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026") String url,
        @Schema(description = "The page's referrer URL", examples = "https://www.google.com/") String referrer,
        @Schema(description = "Purchases and refunds: the order id (required); for a Shopify store the Shopify order id", examples = "5512086503581") String orderId,
        @Schema(type = SchemaType.STRING, description = "Purchases: revenue, zero or more, as a decimal string (a JSON number is accepted and read exactly); no more decimals than the currency allows", examples = "49.90") String revenue,
        @Schema(type = SchemaType.STRING, description = "Refunds: the refunded amount, greater than zero (same rules as revenue)", examples = "54.90") String amount,
        @Schema(description = "Purchases and refunds: ISO 4217 currency code (required)", examples = "EUR") String currency,
        @Schema(description = "Purchases: the coupon code used", examples = "BF10") String couponCode,
        @Schema(description = "Refunds: the shop's refund id; the event id is then refund:<refundId>, the one the Shopify webhook uses", examples = "929361462") String refundId,
        @Schema(description = "Analytics consent; without the object (or its analytics flag) consent counts as given unless configured otherwise") Consent consent,
        @Schema(description = "Free-form details; only documented keys are read") Properties properties){

    /** The visitor's consent choices. */
    @Schema(name = "WebEventConsent")
    public record Consent(
            @Schema(description = "false: the event keeps no userId, no e-mail hash, and an opaque per-event anonymous id", examples = "false") Boolean analytics) {
    }

    /** The documented properties. */
    @Schema(name = "WebEventProperties", additionalProperties = Schema.True.class)
    public record Properties(
            @Schema(description = "sign_up and purchase: the e-mail address; only its SHA-256 (trimmed, lower-cased) is kept", examples = "jane.doe@example.com") String email) {
    }
}
