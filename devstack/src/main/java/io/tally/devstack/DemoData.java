package io.tally.devstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tally.events.json.EventJson;
import io.tally.support.security.Role;

/**
 * A small, repeatable demo through the public API: one winter programme with a social, an email and a search campaign,
 * and a few dozen customers who visit through them (or directly) and sometimes buy.
 */
public final class DemoData {

    /** The demo social campaign's id at Meta. */
    private static final String META_CAMPAIGN_ID = "120210000000001";

    private static final List<String[]> LANDINGS = List.of(
            new String[]{"utm_source=facebook&utm_medium=paid_social&utm_campaign=winter-social", null},
            new String[]{"utm_source=newsletter&utm_medium=email&utm_campaign=winter-news", null},
            new String[]{"utm_source=google&utm_medium=cpc&utm_campaign=winter-search", null},
            new String[]{"", "https://www.google.com/"},
            new String[]{"", null});

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;
    private final LocalIssuer issuer;

    public DemoData(String gatewayUrl, LocalIssuer issuer) {
        this.gateway = gatewayUrl;
        this.issuer = issuer;
    }

    /** Loads the demo and says what it loaded. */
    public String load() {
        JsonNode programme = post("/api/v1/programmes", object().put("name", "Winter Sale 2026")
                .put("reportingCurrency", "EUR").put("timeZone", "Europe/Berlin").put("lookbackDays", 30));
        String id = programme.get("id").asText();
        // the social campaign's Meta ad campaign id is a tracking code too, so Meta's cost rows reach it
        String social = campaign(id, "Winter social", "paid_social", "winter-social", META_CAMPAIGN_ID);
        String newsletter = campaign(id, "Winter newsletter", "email", "winter-news", null);
        String search = campaign(id, "Winter search", "paid_search", "winter-search", null);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        String month = YearMonth.now(berlin).toString();
        post("/api/v1/programmes/" + id + "/goals", object().put("period", month).put("amount", "3000.00")
                .put("currency", "EUR"));
        for (String campaign : List.of(social, newsletter, search)) {
            post("/api/v1/campaigns/" + campaign + "/budgets", object().put("period", month).put("amount", "500.00")
                    .put("currency", "EUR"));
        }

        Random random = new Random(2026);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(6, ChronoUnit.DAYS);
        int views = 0;
        int purchases = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (int customer = 1; customer <= 40; customer++) {
            ArrayNode batch = EventJson.mapper().createArrayNode();
            String anonymousId = "demo-visitor-" + customer;
            Instant at = start.plus(random.nextInt(72), ChronoUnit.HOURS);
            int touches = 1 + random.nextInt(4);
            for (int t = 0; t < touches; t++) {
                String[] landing = LANDINGS.get(random.nextInt(LANDINGS.size()));
                at = at.plus(1 + random.nextInt(20), ChronoUnit.HOURS);
                ObjectNode view = batch.addObject().put("type", "page_view").put("anonymousId", anonymousId)
                        .put("timestamp", at.toString())
                        .put("url", "https://shop.example/winter" + (landing[0].isEmpty() ? "" : "?" + landing[0]));
                if (landing[1] != null) {
                    view.put("referrer", landing[1]);
                }
                views++;
            }
            if (random.nextInt(10) < 6) {
                BigDecimal amount = BigDecimal.valueOf(1_990 + random.nextInt(18_000), 2);
                batch.addObject().put("type", "purchase").put("anonymousId", anonymousId)
                        .put("timestamp", at.plus(30, ChronoUnit.MINUTES).toString())
                        .put("url", "https://shop.example/checkout/thanks")
                        .put("orderId", "demo-order-" + customer).put("revenue", amount.toPlainString())
                        .put("currency", "EUR");
                purchases++;
                revenue = revenue.add(amount);
            }
            post("/api/v1/collect", batch);
        }
        // a week of Meta spend on the social campaign, as the insights edge reports it
        ArrayNode insights = EventJson.mapper().createArrayNode();
        LocalDate today = LocalDate.now(berlin);
        for (int d = 6; d >= 0; d--) {
            String day = today.minusDays(d).toString();
            insights.addObject().put("campaign_id", META_CAMPAIGN_ID).put("campaign_name", "Winter social")
                    .put("date_start", day).put("date_stop", day).put("spend", "35.00").put("impressions", "4200")
                    .put("clicks", "96").put("account_currency", "EUR");
        }
        ObjectNode page = object();
        page.set("data", insights);
        post("/api/v1/imports/meta-insights", page);
        String from = start.toString().substring(0, 10);
        String to = Instant.now().plus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        return """
                Demo loaded: programme "Winter Sale 2026" (%s) with 3 campaigns, a %s goal of 3000.00 EUR, \
                budgets, a week of Meta spend, %d page views, %d purchases (%s EUR). Try (after source .tally/tokens.env):
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/summary?from=%s&to=%s&model=linear&groupBy=campaign'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/programme-roi?from=%s&to=%s&model=linear'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/integration?from=%s&to=%s'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_MARKETER" '%s/api/v1/programmes/%s/progress?period=%s'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_FINANCE" -H 'Accept: text/csv' '%s/api/v1/finance/revenue?period=%s'
                and, once the events are in (a few seconds), train a data-driven model and compare:
                  curl -X POST -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/attribution/models/markov/train?from=%s&to=%s'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/model-comparison?from=%s&to=%s&models=linear,markov&groupBy=channel'"""
                .formatted(id, month, views, purchases, revenue.toPlainString(), gateway, from, to, gateway, from,
                        to, gateway, from, to, gateway, id, month, gateway, month, gateway, from, to, gateway, from,
                        to);
    }

    /** Creates a campaign with a utm_campaign code and, if given, an ad-platform campaign id; returns its id. */
    private String campaign(String programme, String name, String channel, String code, String adCampaignId) {
        ObjectNode body = object().put("name", name).put("channel", channel);
        ArrayNode codes = body.putArray("trackingCodes");
        codes.addObject().put("code", code).put("type", "utm_campaign");
        if (adCampaignId != null) {
            codes.addObject().put("code", adCampaignId).put("type", "ad_campaign");
        }
        return post("/api/v1/programmes/" + programme + "/campaigns", body).get("id").asText();
    }

    private static ObjectNode object() {
        return EventJson.mapper().createObjectNode();
    }

    private JsonNode post(String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        // the collector is public; imports are an ingest job; the rest is the marketer's plan
        if (!path.startsWith("/api/v1/collect")) {
            request.header("Authorization",
                    issuer.bearer(path.startsWith("/api/v1/imports") ? Role.INGEST : Role.MARKETER));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? object() : EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
