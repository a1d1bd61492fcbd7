package io.tally.devstack;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tally.support.security.Role;

/**
 * A repeatable demo through the public API: one winter programme whose customers meet it on every channel — catalogue
 * drops, the call centre, the newsletter, the community, paid social and search ads, and Google's organic results —
 * and buy on the site or by phone, with costs for every channel ({@link DemoActivity}).
 */
public final class DemoData {

    /** How long the demo waits for its purchases to be credited before training the data-driven models. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final GatewayClient client;
    private final String gateway;

    /**
     * What was loaded and where to look at it.
     *
     * @param from the first day of the demo week, to the day after today (UTC dates)
     * @param instructions the URLs to try, as {@code ./tally up --demo} prints them
     */
    public record Loaded(String programmeId, LocalDate from, LocalDate to, Map<String, Integer> touches,
            Map<String, BigDecimal> costs, String instructions) {
    }

    public DemoData(String gatewayUrl, LocalIssuer issuer, EspWebhookSigner esp) {
        this.client = new GatewayClient(gatewayUrl, issuer, esp);
        this.gateway = gatewayUrl;
    }

    /** Loads the demo and says what it loaded. */
    public Loaded load() {
        JsonNode programme = post("/api/v1/programmes", object().put("name", "Winter Sale 2026")
                .put("reportingCurrency", "EUR").put("timeZone", "Europe/Berlin").put("lookbackDays", 30));
        String id = programme.get("id").asText();
        // the social and search campaigns' ad-platform ids are tracking codes too, so their cost rows reach them
        List<String> campaigns = List.of(
                campaign(id, "Winter social", "paid_social", DemoActivity.META_CAMPAIGN_ID),
                campaign(id, "Winter search", "paid_search", DemoActivity.GOOGLE_ADS_CAMPAIGN_ID),
                campaign(id, "Winter newsletter", "email", null),
                campaign(id, "Winter catalogue", "direct_mail", null),
                campaign(id, "Winter call centre", "phone", null),
                campaign(id, "Winter community", "organic_social", null));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        String month = YearMonth.now(berlin).toString();
        post("/api/v1/programmes/" + id + "/goals", object().put("period", month).put("amount", "3000.00")
                .put("currency", "EUR"));
        for (String campaign : campaigns) {
            post("/api/v1/campaigns/" + campaign + "/budgets", object().put("period", month).put("amount", "500.00")
                    .put("currency", "EUR"));
        }

        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(6, ChronoUnit.DAYS);
        DemoActivity activity = new DemoActivity(id, client.espPath(), start);
        activity.requests().forEach(client::send);
        LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate to = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        BigDecimal cost = activity.costs().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String trained = trainTheDataDrivenModels(from, activity.revenue());
        String instructions = """
                Demo loaded: programme "Winter Sale 2026" (%s) with 6 campaigns, a %s goal of 3000.00 EUR, budgets; \
                touches by channel %s; %d purchases (%s EUR); costs %s EUR (by channel, "shared" is the programme's \
                own agency and production) %s. Try (after source .tally/tokens.env):
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/summary?from=%s&to=%s&model=linear&groupBy=channel'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/programme-roi?from=%s&to=%s&model=linear'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/integration?from=%s&to=%s&programmeId=%s'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/paths?from=%s&to=%s&programmeId=%s&top=10'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_MARKETER" '%s/api/v1/programmes/%s/progress?period=%s'
                  curl -H "Authorization: Bearer $TALLY_TOKEN_FINANCE" -H 'Accept: text/csv' '%s/api/v1/finance/revenue?period=%s'
                The data-driven models were trained on the demo's days (%s); compare them, or train again:
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/reports/model-comparison?from=%s&to=%s&models=linear,markov,shapley,incremental&groupBy=channel'
                  curl -X POST -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" '%s/api/v1/attribution/models/markov/train?from=%s&to=%s'"""
                .formatted(id, month, activity.touches(), activity.purchases(), activity.revenue().toPlainString(),
                        cost.toPlainString(), new TreeMap<>(activity.costs()), gateway, from, to, gateway, from, to,
                        gateway, from, to, id, gateway, from, to, id, gateway, id, month, gateway, month, trained,
                        gateway, from, to, gateway, from, LocalDate.now(ZoneOffset.UTC));
        return new Loaded(id, from, to, activity.touches(), activity.costs(), instructions);
    }

    /**
     * Once the purchases are credited (the linear model's revenue over the demo's days has reached what the demo sent
     * and stopped moving; within {@link #PATIENCE}), trains every data-driven model on the demo's days, so every page
     * of the dashboard has them. Says what was trained; a model that could not be trained is named with the reason,
     * and the demo stands without it.
     */
    private String trainTheDataDrivenModels(LocalDate from, BigDecimal sent) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> window = Map.of("from", from.toString(), "to", today.toString());
        Instant started = Instant.now();
        Instant deadline = started.plus(PATIENCE);
        BigDecimal last = null;
        while (true) {
            BigDecimal credited = credited(window);
            if (credited.compareTo(sent) >= 0 && credited.equals(last)) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                return "not trained: after " + PATIENCE.toSeconds() + " s " + credited.toPlainString() + " of the "
                        + sent.toPlainString() + " EUR sent were credited";
            }
            last = credited;
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "not trained: interrupted";
            }
        }
        Instant creditedAt = Instant.now();
        List<String> outcome = new ArrayList<>();
        for (String model : List.of("markov", "shapley", "incremental")) {
            try {
                JsonNode trained = client.post("/api/v1/attribution/models/" + model + "/train", window,
                        Role.ANALYST);
                outcome.add(model + " " + trained.path("version").path("version").asText());
            } catch (RuntimeException e) {
                outcome.add(model + " not trained (" + e.getMessage() + ")");
            }
        }
        return String.join(", ", outcome) + String.format(java.util.Locale.ROOT, "; credited %.1f s after loading, "
                + "trained in %.1f s", Duration.between(started, creditedAt).toMillis() / 1000.0,
                Duration.between(creditedAt, Instant.now()).toMillis() / 1000.0);
    }

    /** The linear model's revenue over the window, in EUR (the demo's currency). */
    private BigDecimal credited(Map<String, String> window) {
        Map<String, String> query = new java.util.HashMap<>(window);
        query.put("model", "linear");
        query.put("interval", "total");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode total : client.get("/api/v1/reports/summary", query, Role.ANALYST).path("totals")) {
            if (total.path("currency").asText().equals("EUR")) {
                sum = sum.add(new BigDecimal(total.path("revenue").asText()));
            }
        }
        return sum;
    }

    /**
     * Creates a campaign with its channel's utm_campaign code ({@link DemoActivity#CODES}) and, if given, an ad-platform
     * campaign id; returns its id.
     */
    private String campaign(String programme, String name, String channel, String adCampaignId) {
        ObjectNode body = object().put("name", name).put("channel", channel);
        ArrayNode codes = body.putArray("trackingCodes");
        codes.addObject().put("code", DemoActivity.CODES.get(channel)).put("type", "utm_campaign");
        if (adCampaignId != null) {
            codes.addObject().put("code", adCampaignId).put("type", "ad_campaign");
        }
        return post("/api/v1/programmes/" + programme + "/campaigns", body).get("id").asText();
    }

    private static ObjectNode object() {
        return GatewayClient.object();
    }

    /** The marketer's plan: programme, campaigns, goal, budgets. */
    private JsonNode post(String path, JsonNode body) {
        return client.post(path, body, Role.MARKETER);
    }
}
