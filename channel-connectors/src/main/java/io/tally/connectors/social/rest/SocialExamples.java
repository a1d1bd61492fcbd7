package io.tally.connectors.social.rest;

/** Request and response examples of the social endpoints, for the OpenAPI document. */
final class SocialExamples {

    static final String META_INSIGHTS = """
            {"data": [
              {"campaign_id": "23851234567890123", "campaign_name": "BF 2026 prospecting",
               "date_start": "2026-11-01", "date_stop": "2026-11-01", "spend": "152.37", "impressions": "48210",
               "clicks": "812", "account_currency": "EUR",
               "actions": [{"action_type": "link_click", "value": "812"},
                           {"action_type": "offsite_conversion.fb_pixel_purchase", "value": "9"}],
               "action_values": [{"action_type": "offsite_conversion.fb_pixel_purchase", "value": "1043.10"}]},
              {"campaign_id": "23851234567890123", "campaign_name": "BF 2026 prospecting",
               "date_start": "2026-11-02", "date_stop": "2026-11-02", "spend": "171.05", "impressions": "51377",
               "clicks": "904", "account_currency": "EUR",
               "actions": [{"action_type": "link_click", "value": "904"}, {"action_type": "purchase", "value": "11"},
                           {"action_type": "omni_purchase", "value": "11"}],
               "action_values": [{"action_type": "purchase", "value": "1287.45"},
                                 {"action_type": "omni_purchase", "value": "1287.45"}]}],
             "paging": {"cursors": {"before": "MAZDZD", "after": "MQZDZD"}}}""";

    static final String LINKEDIN_CSV = """
            Start Date (in UTC),End Date (in UTC),Account Name,Currency,Campaign Group Name,Campaign ID,Campaign Name,Campaign Type,Total Spent,Impressions,Clicks,Conversions
            11/1/2026,11/1/2026,Tally Demo Shop,EUR,Black Friday 2026,183456721,BF 2026 decision makers,Sponsored Content,98.40,12450,143,3
            11/2/2026,11/2/2026,Tally Demo Shop,EUR,Black Friday 2026,183456721,BF 2026 decision makers,Sponsored Content,102.15,13012,151,4
            """;

    static final String TIKTOK_CSV = """
            Campaign name,Campaign ID,Date,Currency,Cost,Impressions,Clicks,Conversions
            BF 2026 spark ads,1781234567890123,2026-11-01,EUR,64.20,35120,402,5
            BF 2026 spark ads,1781234567890123,2026-11-02,EUR,70.85,38904,455,6
            """;

    static final String REPORT = """
            {"rows": 5, "accepted": 4, "deduplicated": 0, "rejected": 1,
             "rejects": [{"row": 3, "field": "spend", "column": "Total Spent", "reason": "must not be negative",
                          "rejectId": "reject:5b0e8d6c-0f7e-3a4b-9f62-2f7d1c9a8e41"}],
             "rejectsTruncated": false}""";

    static final String META_REPORT = """
            {"rows": 5, "accepted": 4, "deduplicated": 0, "rejected": 1,
             "rejects": [{"row": 5, "field": "date_stop",
                          "reason": "rows must be daily (time_increment=1): date_start is 2026-11-01, date_stop 2026-11-07",
                          "rejectId": "reject:9d7c1f4e-2b1a-3c5d-8e6f-0a1b2c3d4e5f"}],
             "rejectsTruncated": false}""";

    static final String META_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "data is required: post the insights edge's response as it is",
             "instance": "/api/v1/imports/meta-insights",
             "errors": [{"field": "data", "reason": "is required: post the insights edge's response as it is"}]}""";

    static final String CSV_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "column.budget is not a field; the fields are date, endDate, campaignId, campaignName, spend, currency, impressions, clicks, conversions, conversionValue",
             "instance": "/api/v1/imports/ad-costs/linkedin",
             "errors": [{"field": "column.budget", "reason": "is not a field; the fields are date, endDate, campaignId, campaignName, spend, currency, impressions, clicks, conversions, conversionValue"}]}""";

    static final String NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "there is no ad platform \\"snapchat\\"; the platforms are linkedin, tiktok",
             "instance": "/api/v1/imports/ad-costs/snapchat"}""";

    static final String UNSUPPORTED_CSV = """
            {"type": "urn:tally:problem:unsupported-media-type", "title": "Unsupported media type", "status": 415,
             "detail": "send the export as text/csv, not application/json",
             "instance": "/api/v1/imports/ad-costs/linkedin"}""";

    static final String UNSUPPORTED_JSON = """
            {"type": "urn:tally:problem:unsupported-media-type", "title": "Unsupported media type", "status": 415,
             "detail": "send the insights response as application/json, not text/csv",
             "instance": "/api/v1/imports/meta-insights"}""";

    static final String MISSING_COLUMN = """
            {"type": "urn:tally:problem:unprocessable", "title": "Unprocessable content", "status": 422,
             "detail": "column.spend the column \\"Total Spent\\" is not in the file's header row",
             "instance": "/api/v1/imports/ad-costs/linkedin",
             "errors": [{"field": "column.spend", "reason": "the column \\"Total Spent\\" is not in the file's header row"}]}""";

    static final String IMPORT_UNAVAILABLE = """
            {"type": "urn:tally:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "Kafka did not acknowledge the import; retry it later. The first 500 rows were processed (500 published, 0 already imported, 0 rejected); rows already imported are not published twice when the input is imported again.",
             "instance": "/api/v1/imports/meta-insights"}""";

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
