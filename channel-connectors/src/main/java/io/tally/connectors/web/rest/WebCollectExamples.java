package io.tally.connectors.web.rest;

/** Request and response examples of the collect endpoint, for the OpenAPI document. */
final class WebCollectExamples {

    static final String PAGE_VIEW = """
            {"type": "page_view", "anonymousId": "a-7f3c9e", "timestamp": "2026-11-22T10:15:30Z",
             "url": "https://shop.example/shoes?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026",
             "referrer": "https://mail.example/"}""";

    static final String BATCH = """
            [{"type": "page_view", "anonymousId": "a-7f3c9e", "timestamp": "2026-11-22T10:15:30Z",
              "url": "https://shop.example/?gclid=Cj0KCQ&utm_campaign=BF-2026", "referrer": "https://www.google.com/"},
             {"type": "purchase", "anonymousId": "a-7f3c9e", "userId": "u-1042", "timestamp": "2026-11-22T10:21:02Z",
              "orderId": "A-1001", "revenue": "49.90", "currency": "EUR", "couponCode": "BF10"}]""";

    static final String JOURNEY = """
            [{"type": "click", "anonymousId": "a-7f3c9e", "timestamp": "2026-11-22T10:15:28Z",
              "url": "https://shop.example/shoes?ttclid=E.C.P.v3LZ&utm_campaign=BF-2026"},
             {"type": "sign_up", "anonymousId": "a-7f3c9e", "userId": "u-1042", "timestamp": "2026-11-22T10:18:40Z",
              "properties": {"email": "jane.doe@example.com"}},
             {"type": "purchase", "anonymousId": "a-7f3c9e", "userId": "u-1042", "timestamp": "2026-11-22T10:21:02Z",
              "orderId": "5512086503581", "revenue": "59.80", "currency": "EUR", "couponCode": "BF10",
              "properties": {"email": "jane.doe@example.com"}}]""";

    static final String NO_CONSENT = """
            {"type": "purchase", "anonymousId": "a-7f3c9e", "timestamp": "2026-11-22T10:21:02Z",
             "orderId": "A-1002", "revenue": "19.90", "currency": "EUR", "consent": {"analytics": false}}""";

    static final String ACCEPTED = """
            {"accepted": 2, "eventIds": ["b2b4dfd9-cb81-39f6-8427-93da0e6f63fb", "order:A-1001"], "deduplicated": 0}""";

    static final String INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/collect",
             "errors": [{"field": "[1].revenue", "reason": "must not be negative"},
                        {"field": "[1].currency", "reason": "is not an ISO 4217 currency code: XYZ"}]}""";

    static final String TOO_LARGE = """
            {"type": "urn:tally:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "a request may carry at most 500 events, this one has 501", "instance": "/api/v1/collect"}""";

    static final String UNAVAILABLE = """
            {"type": "urn:tally:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "The events could not be stored; retry later.", "instance": "/api/v1/collect"}""";

    private WebCollectExamples() {
    }
}
