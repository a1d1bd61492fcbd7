package io.tally.campaign.rest;

/** Example bodies for the OpenAPI document. */
final class ApiExamples {

    static final String PROGRAMME_REQUEST = """
            {"name": "Spring 2026 integrated", "reportingCurrency": "EUR", "timeZone": "Europe/Berlin", "lookbackDays": 30}""";

    static final String PROGRAMME = """
            {"id": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60", "name": "Spring 2026 integrated", "reportingCurrency": "EUR",
             "timeZone": "Europe/Berlin", "lookbackDays": 30, "createdAt": "2026-03-01T09:30:00Z"}""";

    static final String PROGRAMME_PAGE = """
            {"items": [""" + PROGRAMME + """
            ], "page": 0, "size": 50, "totalItems": 1}""";

    static final String PROGRAMME_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "3 fields are invalid", "instance": "/api/v1/programmes",
             "errors": [{"field": "lookbackDays", "reason": "must be less than or equal to 90"},
                        {"field": "reportingCurrency", "reason": "must be an ISO 4217 currency code such as EUR or USD"},
                        {"field": "timeZone", "reason": "must be a time zone id such as Europe/Berlin or UTC"}]}""";

    static final String PAGE_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "page must be greater than or equal to 0", "instance": "/api/v1/programmes",
             "errors": [{"field": "page", "reason": "must be greater than or equal to 0"}]}""";

    static final String PROGRAMME_NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "programme 0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60 does not exist",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"}""";

    static final String CAMPAIGN_REQUEST = """
            {"name": "Spring sale - Instagram", "channel": "paid_social", "trackingCodes": ["Spring-Sale-IG", "ig-2026-03"]}""";

    static final String CAMPAIGN = """
            {"id": "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84", "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60",
             "name": "Spring sale - Instagram", "channel": "paid_social", "trackingCodes": ["spring-sale-ig", "ig-2026-03"],
             "version": 1}""";

    static final String CAMPAIGNS = "[" + CAMPAIGN + "]";

    static final String CAMPAIGN_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60/campaigns",
             "errors": [{"field": "channel", "reason": "must be one of paid_search, organic_search, paid_social, organic_social, email, display, affiliate, referral, direct, offline, other"},
                        {"field": "trackingCodes[1]", "reason": "must not contain whitespace or control characters"}]}""";

    static final String CAMPAIGN_CONFLICT = """
            {"type": "urn:tally:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "tracking code 'spring-sale-ig' already belongs to campaign 'Spring sale - Facebook' (9a1e0c3d-77b2-4f0e-8d6a-3c5b2e1f0a99)",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60/campaigns"}""";

    static final String CAMPAIGN_NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "campaign 5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84 does not exist",
             "instance": "/api/v1/campaigns/5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84"}""";

    private ApiExamples() {
    }
}
