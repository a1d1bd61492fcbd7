package io.tally.connectors.social.rest;

/** Request and response examples of the social engagement endpoint, for the OpenAPI document. */
final class SocialExamples {

    static final String ENGAGEMENT = """
            {"id": "17895695668004550", "network": "instagram", "type": "post_click",
             "occurredAt": "2026-11-22T10:15:30Z", "linkId": "BF-2026", "anonymousId": "a-7f3c9e"}""";

    static final String ENGAGEMENTS = """
            [{"id": "17895695668004550", "network": "instagram", "type": "post_click",
              "occurredAt": "2026-11-22T10:15:30Z", "linkId": "BF-2026", "anonymousId": "a-7f3c9e"},
             {"id": "7012345678901234567", "network": "linkedin", "type": "share",
              "occurredAt": "2026-11-22T11:02:00Z", "linkId": "BF-2026", "email": "jane@example.com"}]""";

    static final String ENGAGEMENTS_ACCEPTED = """
            {"accepted": 2, "eventIds": ["social:instagram:17895695668004550", "social:linkedin:7012345678901234567"],
             "deduplicated": 0}""";

    static final String ENGAGEMENTS_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/social/engagements",
             "errors": [{"field": "[1].type", "reason": "must be one of post_click, share, comment"},
                        {"field": "[1].occurredAt", "reason": "is required"}]}""";

    static final String ENGAGEMENTS_TOO_LARGE = """
            {"type": "urn:tally:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "the body may be at most 1048576 bytes", "instance": "/api/v1/social/engagements"}""";

    static final String ENGAGEMENTS_UNAVAILABLE = """
            {"type": "urn:tally:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "The events could not be stored; retry later with the same request.",
             "instance": "/api/v1/social/engagements"}""";

    private SocialExamples() {
    }
}
