package io.tally.connectors.rejects.rest;

/** Response examples of {@code GET /api/v1/rejects}, for the OpenAPI document. */
final class RejectExamples {

    static final String LOG = """
            {"since": "2026-11-30T09:00:00Z", "source": null, "total": 12,
             "byReason": [
               {"source": "web.pixel", "field": "url", "reason": "must be an absolute http(s) URL", "count": 9,
                "firstAt": "2026-12-01T10:14:03Z", "lastAt": "2026-12-07T08:52:40Z"},
               {"source": "email.sendgrid", "field": "[0].timestamp", "reason": "is required", "count": 3,
                "firstAt": "2026-12-05T16:00:12Z", "lastAt": "2026-12-05T16:00:12Z"}],
             "recent": [
               {"eventId": "reject:2f0a5b71-5b5e-3c3d-9a55-0c1b2a9d6e41", "rejectedAt": "2026-12-07T08:52:40Z",
                "source": "web.pixel", "field": "url", "reason": "must be an absolute http(s) URL",
                "rawExcerpt": "t=page_view&aid=a-19f2&url=not+a+url"}]}""";

    static final String BAD_SINCE = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "since must be an ISO-8601 instant in UTC from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-11-16T08:00:00Z",
             "instance": "/api/v1/rejects",
             "errors": [{"field": "since",
                         "reason": "must be an ISO-8601 instant in UTC from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-11-16T08:00:00Z"}]}""";

    private RejectExamples() {
    }
}
