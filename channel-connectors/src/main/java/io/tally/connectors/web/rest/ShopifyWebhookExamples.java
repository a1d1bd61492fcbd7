package io.tally.connectors.web.rest;

/** Shopify webhook examples for the OpenAPI document (shapes as Shopify sends them, shortened). */
final class ShopifyWebhookExamples {

    static final String ORDER = """
            {"id": 5512086503581, "admin_graphql_api_id": "gid://shopify/Order/5512086503581",
             "name": "#1042", "order_number": 1042, "email": "jane.doe@example.com",
             "created_at": "2026-11-22T05:21:02-05:00", "currency": "EUR", "financial_status": "paid",
             "total_price": "59.80", "current_total_price": "59.80", "subtotal_price": "54.90",
             "total_discounts": "5.00", "total_tax": "9.55",
             "discount_codes": [{"code": "BF10", "amount": "5.00", "type": "fixed_amount"}],
             "customer": {"id": 7029384756123, "email": "jane.doe@example.com", "first_name": "Jane",
                          "last_name": "Doe", "orders_count": 3},
             "line_items": [{"id": 13544938324125, "title": "Trail shoe", "quantity": 1, "price": "54.90",
                             "sku": "TS-42"}]}""";

    static final String REFUND = """
            {"id": 929361462, "order_id": 5512086503581, "created_at": "2026-11-25T09:02:11-05:00",
             "note": "Wrong size", "restock": true,
             "refund_line_items": [{"id": 104689539, "line_item_id": 13544938324125, "quantity": 1,
                                    "subtotal": 54.9, "total_tax": 8.77}],
             "transactions": [{"id": 389404469, "order_id": 5512086503581, "kind": "refund",
                               "gateway": "shopify_payments", "status": "success", "amount": "54.90",
                               "currency": "EUR"}]}""";

    static final String ACCEPTED = """
            {"topic": "orders/create", "ignored": false, "eventIds": ["order:5512086503581"], "deduplicated": 0}""";

    static final String IGNORED = """
            {"topic": "products/update", "ignored": true, "eventIds": [], "deduplicated": 0,
             "note": "topic products/update is not read by Tally"}""";

    static final String UNAUTHORIZED = """
            {"type": "urn:tally:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "the X-Shopify-Hmac-Sha256 signature does not match the body",
             "instance": "/api/v1/webhooks/shopify"}""";

    static final String INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "currency is not an ISO 4217 currency code: EURO", "instance": "/api/v1/webhooks/shopify",
             "errors": [{"field": "currency", "reason": "is not an ISO 4217 currency code: EURO"}]}""";

    static final String TOO_LARGE = """
            {"type": "urn:tally:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "the body may be at most 1048576 bytes", "instance": "/api/v1/webhooks/shopify"}""";

    static final String UNAVAILABLE = """
            {"type": "urn:tally:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "The events could not be stored; retry later with the same request.",
             "instance": "/api/v1/webhooks/shopify"}""";

    private ShopifyWebhookExamples() {
    }
}
