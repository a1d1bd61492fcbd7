package io.tally.connectors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.tally.connectors.security.Signatures;

/**
 * Shopify webhook bodies as Shopify sends them ({@code orders/create}, {@code refunds/create}, shortened to the fields
 * that matter plus some that do not), with unique ids per call, and their signatures.
 */
public final class ShopifyFixtures {

    /** The test-only secret of {@code %test.tally.connectors.shopify.secret}. */
    public static final String SECRET = "test-only-shopify-secret-not-for-production";

    private ShopifyFixtures() {
    }

    /** A Shopify-style numeric id (13 digits), unique enough for one test run. */
    public static long uniqueOrderId() {
        return 5_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
    }

    /** The base64 HMAC-SHA256 of {@code body} under {@code secret}: the X-Shopify-Hmac-Sha256 header. */
    public static String sign(String body, String secret) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sign(String body) {
        return sign(body, SECRET);
    }

    /** An orders/create body: a paid EUR order of 59.80 by a known customer, with discount code BF10. */
    public static String order(long orderId, long customerId, String email) {
        return """
                {"id": %1$d, "admin_graphql_api_id": "gid://shopify/Order/%1$d", "app_id": 580111,
                 "browser_ip": "203.0.113.17", "buyer_accepts_marketing": true, "cancel_reason": null,
                 "cancelled_at": null, "cart_token": "Z2NwLWV1cm9wZS13ZXN0MTpAQQ", "checkout_id": 35812298916,
                 "confirmation_number": "K7XQ2PL4A", "confirmed": true, "contact_email": "%3$s",
                 "created_at": "2026-11-22T05:21:02-05:00", "currency": "EUR", "current_subtotal_price": "54.90",
                 "current_total_discounts": "5.00", "current_total_price": "59.80", "current_total_tax": "9.55",
                 "customer_locale": "de-DE", "email": "%3$s", "financial_status": "paid",
                 "fulfillment_status": null, "landing_site": "/?utm_source=newsletter&utm_medium=email",
                 "name": "#1042", "order_number": 1042, "presentment_currency": "EUR",
                 "processed_at": "2026-11-22T05:21:01-05:00", "referring_site": "https://mail.example/",
                 "source_name": "web", "subtotal_price": "54.90", "tags": "", "test": false,
                 "total_discounts": "5.00", "total_line_items_price": "59.90", "total_price": "59.80",
                 "total_shipping_price_set": {"shop_money": {"amount": "4.90", "currency_code": "EUR"},
                                              "presentment_money": {"amount": "4.90", "currency_code": "EUR"}},
                 "total_tax": "9.55", "updated_at": "2026-11-22T05:21:04-05:00",
                 "discount_codes": [{"code": "BF10", "amount": "5.00", "type": "fixed_amount"}],
                 "customer": {"id": %2$d, "email": "%3$s", "created_at": "2025-03-02T11:00:45-05:00",
                              "first_name": "Jane", "last_name": "Doe", "state": "enabled", "verified_email": true,
                              "currency": "EUR", "phone": null, "tags": "",
                              "default_address": {"id": 9123, "customer_id": %2$d, "city": "Berlin",
                                                  "country_code": "DE", "zip": "10115"}},
                 "line_items": [{"id": 13544938324125, "variant_id": 44321987, "product_id": 8812345,
                                 "title": "Trail shoe", "variant_title": "42", "quantity": 1, "price": "54.90",
                                 "sku": "TS-42", "taxable": true, "gift_card": false,
                                 "tax_lines": [{"title": "DE VAT", "price": "8.77", "rate": 0.19}]}],
                 "shipping_lines": [{"id": 4432, "title": "Standard", "price": "4.90", "code": "STD"}]}"""
                .formatted(orderId, customerId, email);
    }

    /**
     * A refunds/create body for {@code orderId}: one successful refund transaction of {@code first}, one of
     * {@code second}, and a failed one of 99.00 (which refunded nothing).
     */
    public static String refund(long refundId, long orderId, String first, String second) {
        return """
                {"id": %1$d, "order_id": %2$d, "created_at": "2026-11-25T09:02:11-05:00", "note": "Wrong size",
                 "user_id": 7734521, "processed_at": "2026-11-25T09:02:11-05:00", "restock": true,
                 "admin_graphql_api_id": "gid://shopify/Refund/%1$d",
                 "refund_line_items": [{"id": 104689539, "quantity": 1, "line_item_id": 13544938324125,
                                        "restock_type": "return", "subtotal": 54.9, "total_tax": 8.77}],
                 "transactions": [
                   {"id": 389404469, "order_id": %2$d, "kind": "refund", "gateway": "shopify_payments",
                    "status": "success", "message": "Refunded", "created_at": "2026-11-25T09:02:10-05:00",
                    "test": false, "authorization": null, "currency": "EUR", "amount": "%3$s", "parent_id": 389404468},
                   {"id": 389404470, "order_id": %2$d, "kind": "refund", "gateway": "gift_card",
                    "status": "success", "message": null, "created_at": "2026-11-25T09:02:10-05:00",
                    "test": false, "authorization": null, "currency": "EUR", "amount": "%4$s", "parent_id": null},
                   {"id": 389404471, "order_id": %2$d, "kind": "refund", "gateway": "shopify_payments",
                    "status": "failure", "message": "Declined", "created_at": "2026-11-25T09:02:09-05:00",
                    "test": false, "authorization": null, "currency": "EUR", "amount": "99.00", "parent_id": 389404468}],
                 "order_adjustments": []}"""
                .formatted(refundId, orderId, first, second);
    }
}
