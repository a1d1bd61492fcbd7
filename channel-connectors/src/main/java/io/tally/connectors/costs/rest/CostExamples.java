package io.tally.connectors.costs.rest;

/** Request and response examples of the cost imports, for the OpenAPI document. */
final class CostExamples {

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
             "detail": "there is no ad platform \\"snapchat\\"; the platforms are google-ads, linkedin, microsoft-ads, tiktok",
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

    static final String GOOGLE_ADS_CSV = """
            Campaign report
            "November 1, 2026 - November 2, 2026"
            Day,Campaign ID,Campaign,Campaign status,Currency code,Cost,Impr.,Clicks,Conversions,Conv. value
            2026-11-01,20871234567,BF 2026 brand search,Enabled,EUR,"1,234.56","48,210",812,12.50,"1,043.10"
            2026-11-02,20871234567,BF 2026 brand search,Enabled,EUR,"1,310.05","51,377",904,14.00,"1,287.45"
            Total: Account,--,--,--,EUR,"2,544.61","99,587","1,716",26.50,"2,330.55"
            Total: Search,--,--,--,EUR,"2,544.61","99,587","1,716",26.50,"2,330.55"
            """;

    static final String MICROSOFT_ADS_CSV = """
            "Report Name: Campaign Performance Report"
            "Report Time: 11/1/2026 - 11/2/2026"
            "Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
            "Last Completed Available Day: 11/3/2026 9:14:00 AM (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
            "Potential Incomplete Data: false"
            "Rows: 2"

            "TimePeriod","CampaignId","CampaignName","Spend","CurrencyCode","Impressions","Clicks","Conversions","Revenue"
            "2026-11-01","513456789","BF 2026 search","212.40","EUR","9120","301","4","388.00"
            "2026-11-02","513456789","BF 2026 search","198.75","EUR","8874","287","3","291.00"

            "©2026 Microsoft Corporation. All rights reserved. "
            """;

    static final String COSTS_CSV = """
            date,campaign_code,programme_id,channel,amount,currency,category,source,id
            2026-11-01,BF-2026,,email,420.00,EUR,media,finance,INV-2026-1101-07
            2026-11-01,BF-2026-PRINT,,direct_mail,3150.00,EUR,production,finance,INV-2026-1101-08
            2026-11-01,,6f1c2a9e-4b7d-4c3e-9a51-2d8e0f7b1c34,,8000.00,EUR,agency,finance,INV-2026-1101-09
            """;

    static final String COSTS_JSON = """
            [{"date": "2026-11-01", "campaignCode": "BF-2026", "channel": "email", "amount": "420.00",
              "currency": "EUR", "category": "media", "source": "finance", "id": "INV-2026-1101-07"},
             {"date": "2026-11-01", "programmeId": "6f1c2a9e-4b7d-4c3e-9a51-2d8e0f7b1c34", "amount": "8000.00",
              "currency": "EUR", "category": "agency", "source": "finance", "id": "INV-2026-1101-09"}]""";

    static final String COSTS_REPORT = """
            {"rows": 3, "accepted": 2, "deduplicated": 0, "rejected": 1,
             "rejects": [{"row": 2, "field": "channel", "column": "channel",
                          "reason": "must be empty (a shared cost of the programme) or one of paid_search, organic_search, paid_social, organic_social, email, display, affiliate, referral, direct, direct_mail, phone, events, retail, offline, other",
                          "rejectId": "reject:0c2f7e4a-5b1d-3e8f-9a6c-7d4b2e1f0a93"}],
             "rejectsTruncated": false}""";

    static final String COSTS_JSON_REPORT = """
            {"rows": 2, "accepted": 2, "deduplicated": 0, "rejected": 0, "rejects": [], "rejectsTruncated": false}""";

    static final String COSTS_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/imports/costs",
             "errors": [{"field": "[0].amount", "reason": "has more decimals than EUR allows (2)"},
                        {"field": "[1].campaignCode", "reason": "is required unless programmeId names the programme the cost belongs to"}]}""";

    static final String COSTS_TOO_LARGE = """
            {"type": "urn:tally:problem:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "a request may carry at most 1000 cost lines; send more as several requests or as a CSV file",
             "instance": "/api/v1/imports/costs"}""";

    static final String COSTS_UNSUPPORTED = """
            {"type": "urn:tally:problem:unsupported-media-type", "title": "Unsupported media type", "status": 415,
             "detail": "send the costs as text/csv or application/json, not application/xml",
             "instance": "/api/v1/imports/costs"}""";

    static final String COSTS_MISSING_COLUMN = """
            {"type": "urn:tally:problem:unprocessable", "title": "Unprocessable content", "status": 422,
             "detail": "column.amount is mapped to the column \"amount\", which the header row does not have",
             "instance": "/api/v1/imports/costs",
             "errors": [{"field": "column.amount", "reason": "is mapped to the column \"amount\", which the header row does not have"}]}""";

    static final String COSTS_UNAVAILABLE = """
            {"type": "urn:tally:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "The events could not be stored; retry later with the same request.",
             "instance": "/api/v1/imports/costs"}""";

    private CostExamples() {
    }
}
