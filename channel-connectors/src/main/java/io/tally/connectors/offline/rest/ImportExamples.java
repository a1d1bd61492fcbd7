package io.tally.connectors.offline.rest;

/** Request and response examples of the import endpoints, for the OpenAPI document. */
final class ImportExamples {

    static final String POS_CSV = """
            order_id,occurred_at,amount,currency,loyalty_id,email,coupon_code
            POS-0042-118734,2026-11-22 10:02:11,89.90,EUR,LOY-88412,anna.berg@example.com,BF10
            POS-0042-118735,2026-11-22T10:05:48Z,12.50,EUR,,,
            """;

    static final String REFUNDS_CSV = """
            refund_id,order_id,occurred_at,amount,currency,reason
            RF-20931,POS-0042-118734,2026-11-24 16:40:00,89.90,EUR,returned in store
            RF-20932,WEB-7719,2026-11-25T08:12:00Z,15.00,EUR,damaged in transit
            """;

    static final String CALL_CENTRE_CSV = """
            Call Start,Agent,Caller Phone,Customer No,Outcome,Campaign
            2026-11-20 09:14:03,agent-17,+49 30 1234567,C-20411,call,XMAS-CALL-26
            2026-11-20 09:21:40,agent-04,030 7654321,,call,XMAS-CALL-26
            """;

    static final String CREATED = """
            {"id": "0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10", "status": "queued", "kind": "conversions",
             "links": {"self": "/api/v1/imports/0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10",
                       "rejects": "/api/v1/imports/0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10/rejects"}}""";

    static final String BAD_LIMIT = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "limit must be a whole number from 1 to 100", "instance": "/api/v1/imports",
             "errors": [{"field": "limit", "reason": "must be a whole number from 1 to 100"}]}""";

    static final String JOB = """
            {"id": "0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10", "kind": "conversions", "status": "completed",
             "rowsRead": 1250, "accepted": 1180, "deduplicated": 60, "rejected": 10,
             "createdAt": "2026-11-23T07:00:02Z", "startedAt": "2026-11-23T07:00:02Z",
             "finishedAt": "2026-11-23T07:00:09Z", "error": null}""";

    static final String REJECTS_CSV = """
            row,column,reason,raw
            2,occurred_at,"must be an ISO-8601 instant (2026-11-22T10:15:30Z) or yyyy-MM-dd HH:mm:ss in UTC, not 22.11.2026","POS-0042-118736,22.11.2026,19.90,EUR,LOY-1,***,"
            3,amount,must not be negative,"POS-0042-118737,2026-11-22 11:40:00,-5.00,EUR,LOY-2,,"
            """;

    static final String REJECTS_JSON = """
            [{"row": 2, "column": "occurred_at",
              "reason": "must be an ISO-8601 instant (2026-11-22T10:15:30Z) or yyyy-MM-dd HH:mm:ss in UTC, not 22.11.2026",
              "raw": "POS-0042-118736,22.11.2026,19.90,EUR,LOY-1,***,"},
             {"row": 3, "column": "amount", "reason": "must not be negative",
              "raw": "POS-0042-118737,2026-11-22 11:40:00,-5.00,EUR,LOY-2,,"}]""";

    static final String INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "column.price is not a field of conversions imports; the fields are orderId, occurredAt, amount, currency, loyaltyId, email, phone, customerId, couponCode",
             "instance": "/api/v1/imports/offline",
             "errors": [{"field": "column.price", "reason": "is not a field of conversions imports; the fields are orderId, occurredAt, amount, currency, loyaltyId, email, phone, customerId, couponCode"}]}""";

    static final String TOO_LARGE = """
            {"type": "urn:tally:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "the body may be at most 2147483648 bytes", "instance": "/api/v1/imports/offline"}""";

    static final String UNSUPPORTED = """
            {"type": "urn:tally:problem:unsupported-media-type", "title": "Unsupported media type", "status": 415,
             "detail": "the body must be a CSV file sent as text/csv, not application/json",
             "instance": "/api/v1/imports/offline"}""";

    static final String UNPROCESSABLE = """
            {"type": "urn:tally:problem:unprocessable", "title": "Unprocessable content", "status": 422,
             "detail": "column.amount is mapped to the column \\"Total\\", which the header row does not have",
             "instance": "/api/v1/imports/offline",
             "errors": [{"field": "column.amount", "reason": "is mapped to the column \\"Total\\", which the header row does not have"}]}""";

    static final String NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "import 0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10 does not exist",
             "instance": "/api/v1/imports/0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10"}""";

    private ImportExamples() {
    }
}
