package io.tally.connectors.email.rest;

/** Request and response examples of the email webhooks, for the OpenAPI document. */
final class EmailWebhookExamples {

    static final String SENDGRID = """
            [{"email": "jane.doe@example.com", "timestamp": 1795342530, "event": "open",
              "sg_event_id": "b3BlbjotMTc5NTI1NjEzMC1qYW5l", "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
              "useragent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36", "ip": "203.0.113.7",
              "sg_machine_open": false, "category": ["newsletter"], "tally_campaign": "BF-2026"},
             {"email": "jane.doe@example.com", "timestamp": 1795342602, "event": "click",
              "url": "https://shop.example/shoes?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026",
              "url_offset": {"index": 0, "type": "html"}, "sg_event_id": "Y2xpY2s6LTE3OTUyNTYyMDItamFuZQ",
              "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
              "useragent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)", "ip": "203.0.113.7"},
             {"email": "jane.doe@example.com", "timestamp": 1795342500, "event": "delivered",
              "sg_event_id": "ZGVsaXZlcmVkLTAtMTc5NTI1NjEwMA", "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
              "response": "250 2.0.0 OK", "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>", "tls": 1}]""";

    static final String MAILGUN = """
            {"signature": {"timestamp": "1795342602", "token": "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0",
               "signature": "d2271d12299f6592d9d44cd9d250f0704e4674c30d79d07c47a66f95ce71cf55"},
             "event-data": {"id": "Ase7i2zsRYeDXztHGENqRA", "timestamp": 1795342602.908181, "log-level": "info",
               "event": "clicked", "recipient": "jane.doe@example.com", "recipient-domain": "example.com",
               "url": "https://shop.example/shoes?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026",
               "ip": "203.0.113.7", "geolocation": {"country": "DE", "region": "BE", "city": "Berlin"},
               "client-info": {"client-type": "browser", "client-os": "Linux", "device-type": "desktop",
                 "client-name": "Chrome", "user-agent": "Mozilla/5.0 (X11; Linux x86_64)"},
               "tags": ["newsletter"], "campaigns": [], "user-variables": {"tally_campaign": "BF-2026"},
               "message": {"headers": {"message-id": "20261122101530.1.4D9A2C@mg.shop.example"}}}}""";

    static final String ESP = """
            [{"id": "evt-20261122-000417", "type": "open", "email": "jane.doe@example.com",
              "timestamp": "2026-11-22T10:15:30Z", "campaign": "BF-2026"},
             {"id": "evt-20261122-000418", "type": "click", "email": "jane.doe@example.com",
              "timestamp": "2026-11-22T10:16:02Z",
              "url": "https://shop.example/shoes?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026"}]""";

    static final String PROCESSED = """
            {"accepted": 2, "deduplicated": 0, "ignored": 1,
             "eventIds": ["sendgrid:b3BlbjotMTc5NTI1NjEzMC1qYW5l", "sendgrid:Y2xpY2s6LTE3OTUyNTYyMDItamFuZQ"]}""";

    static final String INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/webhooks/sendgrid",
             "errors": [{"field": "[1].url", "reason": "is required"},
                        {"field": "[1].timestamp", "reason": "must be a unix timestamp in seconds"}]}""";

    static final String BAD_SIGNATURE = """
            {"type": "urn:tally:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "the signature does not match the timestamp and body", "instance": "/api/v1/webhooks/sendgrid"}""";

    static final String REPLAYED = """
            {"type": "urn:tally:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "the signature token was already used: the request was replayed",
             "instance": "/api/v1/webhooks/mailgun"}""";

    static final String UNKNOWN_PROVIDER = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "ESP provider 'acme' does not exist", "instance": "/api/v1/webhooks/esp/acme"}""";

    static final String TOO_LARGE = """
            {"type": "urn:tally:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "the body may be at most 1048576 bytes", "instance": "/api/v1/webhooks/sendgrid"}""";

    static final String UNAVAILABLE = """
            {"type": "urn:tally:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "The events could not be stored; retry later with the same request.",
             "instance": "/api/v1/webhooks/sendgrid"}""";

    private EmailWebhookExamples() {
    }
}
