package io.tally.campaign.api;

/** Example bodies for the OpenAPI document. */
public final class ApiExamples {

    public static final String PROGRAMME_REQUEST = """
            {"name": "Spring 2026 integrated", "objective": "Grow online revenue from returning customers by 15%",
             "startDate": "2026-03-01", "endDate": "2026-05-31", "reportingCurrency": "EUR", "timeZone": "Europe/Berlin",
             "lookbackDays": 30, "officialModel": "position_based", "officialModelParameters": {"weights": "40/20/40"},
             "owner": "marketing-emea@example.com", "status": "active",
             "modelSettings": {"touchWeights": {"email_open": "0.25", "offline_contact": "1.5"},
                               "positionShares": {"position_based": "0.3/0.4/0.3"}, "timeDecayHalfLife": "P3D",
                               "markovOrder": 2}}""";

    public static final String PROGRAMME = """
            {"id": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60", "name": "Spring 2026 integrated",
             "objective": "Grow online revenue from returning customers by 15%", "startDate": "2026-03-01",
             "endDate": "2026-05-31", "reportingCurrency": "EUR", "timeZone": "Europe/Berlin", "lookbackDays": 30,
             "officialModel": "position_based", "officialModelParameters": {"weights": "40/20/40"},
             "owner": "marketing-emea@example.com", "status": "active",
             "modelSettings": {"touchWeights": {"email_open": "0.25", "offline_contact": "1.5"},
                               "positionShares": {"position_based": "0.3/0.4/0.3"}, "timeDecayHalfLife": "P3D",
                               "markovOrder": 2}, "version": 1,
             "createdAt": "2026-03-01T09:30:00Z", "updatedAt": "2026-03-02T14:05:00Z"}""";

    public static final String PROGRAMME_HISTORY = """
            {"items": [{"version": 1, "action": "replaced", "actor": "mia.marketer", "at": "2026-03-02T14:05:00Z",
                        "changes": {"status": {"from": "draft", "to": "active"}}},
                       {"version": 0, "action": "created", "actor": "mia.marketer", "at": "2026-03-01T09:30:00Z",
                        "changes": {"name": {"from": null, "to": "Spring 2026 integrated"}}}],
             "page": 0, "size": 50, "totalItems": 2}""";

    public static final String PROGRAMME_STALE = """
            {"type": "urn:tally:problem:precondition-failed", "title": "Precondition failed", "status": 412,
             "detail": "programme 0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60 changed since \\"0\\"; it is now at \\"1\\": read it again and reapply the change",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"}""";

    public static final String PROGRAMME_UNCONDITIONAL = """
            {"type": "urn:tally:problem:precondition-required", "title": "Precondition required", "status": 428,
             "detail": "changing programme 0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60 needs If-Match with its ETag (from GET); the current one is \\"1\\"",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"}""";

    public static final String PROGRAMME_CLOSED = """
            {"type": "urn:tally:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "the programme is closed; a closed programme is not reopened",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"}""";

    public static final String PROGRAMME_PAGE = """
            {"items": [""" + PROGRAMME + """
            ], "page": 0, "size": 50, "totalItems": 1}""";

    public static final String PROGRAMME_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "3 fields are invalid", "instance": "/api/v1/programmes",
             "errors": [{"field": "lookbackDays", "reason": "must be less than or equal to 90"},
                        {"field": "reportingCurrency", "reason": "must be an ISO 4217 currency code such as EUR or USD"},
                        {"field": "timeZone", "reason": "must be a time zone id such as Europe/Berlin or UTC"}]}""";

    public static final String PAGE_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "page must be a whole number from 0 to 1000000", "instance": "/api/v1/programmes",
             "errors": [{"field": "page", "reason": "must be a whole number from 0 to 1000000"}]}""";

    public static final String PROGRAMME_NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "programme 0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60 does not exist",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"}""";

    public static final String CAMPAIGN_REQUEST = """
            {"name": "Spring sale - Instagram", "channel": "paid_social", "trackingCodes": [{"code": "Spring-Sale-IG", "type": "utm_campaign"}, "ig-2026-03"],
             "startDate": "2026-03-01", "endDate": "2026-03-31", "budget": "20000.00"}""";

    public static final String CAMPAIGN = """
            {"id": "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84", "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60",
             "name": "Spring sale - Instagram", "channel": "paid_social", "trackingCodes": [
               {"code": "spring-sale-ig", "type": "utm_campaign"},
               {"code": "ig-2026-03", "type": "other"}],
             "startDate": "2026-03-01", "endDate": "2026-03-31", "budget": "20000.00", "version": 1}""";

    public static final String CAMPAIGN_PAGE = "{\"items\": [" + CAMPAIGN
            + "], \"page\": 0, \"size\": 50, \"totalItems\": 1}";

    public static final String CAMPAIGN_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60/campaigns",
             "errors": [{"field": "channel", "reason": "must be one of paid_search, organic_search, paid_social, organic_social, email, display, affiliate, referral, direct, offline, other"},
                        {"field": "trackingCodes[1].code", "reason": "must not contain whitespace or control characters"}]}""";

    public static final String CAMPAIGN_CONFLICT = """
            {"type": "urn:tally:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "tracking code 'spring-sale-ig' already belongs to another campaign: campaign 'Spring sale - Facebook' (9a1e0c3d-77b2-4f0e-8d6a-3c5b2e1f0a99)",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60/campaigns"}""";

    public static final String CAMPAIGN_NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "campaign 5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84 does not exist",
             "instance": "/api/v1/campaigns/5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84"}""";

    public static final String REPOINT_REQUEST = """
            {"campaignId": "9a1e0c3d-77b2-4f0e-8d6a-3c5b2e1f0a99", "from": "2026-12-01"}""";

    public static final String CODE_HISTORY = """
            [{"code": "bf-2026", "type": "coupon", "validUntil": "2026-11-30T23:00:00Z",
              "campaignId": "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84", "campaignName": "Black Friday - Instagram",
              "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"},
             {"code": "bf-2026", "type": "coupon", "validFrom": "2026-11-30T23:00:00Z",
              "campaignId": "9a1e0c3d-77b2-4f0e-8d6a-3c5b2e1f0a99", "campaignName": "Christmas - email",
              "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"}]""";

    public static final String CODE_PAGE = """
            {"items": [{"code": "bf-2026", "type": "coupon",
                        "campaignId": "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84", "campaignName": "Black Friday - Instagram",
                        "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60"}],
             "page": 0, "size": 50, "totalItems": 1}""";

    public static final String REPOINT_CONFLICT = """
            {"type": "urn:tally:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "tracking code 'bf-2026' points at its current campaign since 2026-11-30T23:00:00Z; re-point it from a later instant: campaign 'Christmas - email' (9a1e0c3d-77b2-4f0e-8d6a-3c5b2e1f0a99)",
             "instance": "/api/v1/tracking-codes/bf-2026/repoint"}""";

    public static final String CODE_NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "tracking code bf-2027 does not exist", "instance": "/api/v1/tracking-codes/bf-2027"}""";

    public static final String BUDGET_REQUEST = """
            {"period": "2026-11", "amount": "12000.00", "currency": "EUR"}""";

    public static final String BUDGET = """
            {"id": "3e9f1b7a-2c4d-4e5f-8a6b-7c8d9e0f1a2b", "campaignId": "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84",
             "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60", "period": "2026-11", "firstDay": "2026-11-01",
             "lastDay": "2026-11-30", "amount": "12000.00", "currency": "EUR", "version": 0,
             "createdAt": "2026-10-20T09:00:00Z", "updatedAt": "2026-10-20T09:00:00Z"}""";

    public static final String BUDGET_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/campaigns/5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84/budgets",
             "errors": [{"field": "amount", "reason": "must not be negative"},
                        {"field": "currency", "reason": "must be the programme's reporting currency EUR: no FX rate source is configured"}]}""";

    public static final String BUDGET_CONFLICT = """
            {"type": "urn:tally:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "budget 3e9f1b7a-2c4d-4e5f-8a6b-7c8d9e0f1a2b (2026-11) already covers part of 2026-Q4; change that line instead",
             "instance": "/api/v1/campaigns/5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84/budgets"}""";

    public static final String BUDGET_NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "budget 3e9f1b7a-2c4d-4e5f-8a6b-7c8d9e0f1a2b does not exist",
             "instance": "/api/v1/budgets/3e9f1b7a-2c4d-4e5f-8a6b-7c8d9e0f1a2b"}""";

    public static final String GOAL_REQUEST = """
            {"period": "2026-11", "amount": "100000.00", "currency": "EUR"}""";

    public static final String GOAL = """
            {"id": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60",
             "campaignId": null, "channel": null, "period": "2026-11", "firstDay": "2026-11-01", "lastDay": "2026-11-30",
             "amount": "100000.00", "currency": "EUR", "status": "on_track", "statusAt": "2026-11-16T08:00:00Z",
             "version": 0, "createdAt": "2026-11-01T09:30:00Z", "updatedAt": "2026-11-01T09:30:00Z"}""";

    public static final String GOAL_INVALID = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60/goals",
             "errors": [{"field": "amount", "reason": "must be positive"},
                        {"field": "currency", "reason": "must be the programme's reporting currency EUR: no FX rate source is configured"}]}""";

    public static final String GOAL_CONFLICT = """
            {"type": "urn:tally:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "goal 7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f already sets 2026-11 for this scope; change that goal instead",
             "instance": "/api/v1/programmes/0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60/goals"}""";

    public static final String GOAL_NOT_FOUND = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "goal 7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f does not exist",
             "instance": "/api/v1/goals/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"}""";

    public static final String PROGRESS = """
            {"programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60", "period": "2026-11", "firstDay": "2026-11-01",
             "lastDay": "2026-11-30", "currency": "EUR", "model": "linear", "pacing": "linear",
             "asOf": "2026-11-15T23:00:00Z", "attributed": "45000.00", "conversions": "312.5", "cost": "9000.00",
             "roas": "5.0000", "budget": "20000.00", "budgetSpent": "45.00",
             "goals": [{"goalId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
                        "goal": "100000.00", "attributed": "45000.00", "cost": "9000.00", "roas": "5.0000",
                        "percentOfGoal": "45.00", "elapsedFraction": "0.500000", "expectedToDate": "50000.00",
                        "variance": "-5000.00", "forecast": "90000.00", "forecastMethod": "run_rate_linear",
                        "remaining": "55000.00", "requiredDailyRate": "3666.67", "status": "at_risk"}],
             "byCampaign": [{"campaignId": "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84", "name": "Spring sale - Instagram",
                             "attributed": "45000.00", "conversions": "312.5", "cost": "9000.00",
                             "roas": "5.0000", "budget": "20000.00", "budgetSpent": "45.00"}],
             "byChannel": [{"name": "paid_social", "channel": "paid_social",
                            "attributed": "45000.00", "conversions": "312.5", "cost": "9000.00", "roas": "5.0000"}],
             "otherCurrencies": [],
             "pacingCurve": [{"day": "2026-11-01", "expectedFraction": "0.033333"},
                             {"day": "2026-11-02", "expectedFraction": "0.066667"},
                             {"day": "2026-11-30", "expectedFraction": "1.000000"}]}""";

    public static final String ALERTS = """
            {"items": [{"id": 17, "goalId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
                        "programmeId": "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60", "period": "2026-11",
                        "previousStatus": "on_track", "status": "at_risk", "at": "2026-11-16T08:00:00Z",
                        "goal": "100000.00", "attributed": "45000.00", "expectedToDate": "50000.00", "currency": "EUR"}],
             "page": 0, "size": 50, "totalItems": 1}""";

    private ApiExamples() {
    }
}
