package io.tally.devstack;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tally.devstack.GatewayClient.Caller;
import io.tally.devstack.GatewayClient.Request;
import io.tally.events.json.EventJson;

/**
 * What the demo programme's customers did and what the programme cost, as the requests that bring it in through the
 * connectors: catalogue drops and calls (offline import), newsletter opens and clicks (signed ESP webhook), community
 * shares and comments (social engagements), paid-social, paid-search and organic-search visits (web collector), orders
 * on the web or by phone (offline conversions), and costs for every channel (generic cost import with the programme's
 * own agency and production costs, a Google Ads export, Meta insights). Made from a seeded {@link Random}, so every run
 * tells the same story, placed in the week before {@code start + 6 days}.
 */
final class DemoActivity {

    /** The demo social campaign's id at Meta. */
    static final String META_CAMPAIGN_ID = "120210000000001";
    /** The demo search campaign's id at Google Ads. */
    static final String GOOGLE_ADS_CAMPAIGN_ID = "21000000001";
    /** The campaigns' utm_campaign codes, by channel. */
    static final Map<String, String> CODES = Map.of("paid_social", "winter-social", "email", "winter-news",
            "paid_search", "winter-search", "direct_mail", "winter-mail", "phone", "winter-calls", "organic_social",
            "winter-community");

    private static final int CUSTOMERS = 40;
    private static final String CURRENCY = "EUR";

    /** A demo customer's kind of touch, on its channel. */
    enum Touch {
        MAIL_DROP("direct_mail"), CALL("phone"), EMAIL_OPEN("email"), EMAIL_CLICK("email"), COMMUNITY(
                "organic_social"), PAID_SOCIAL("paid_social"), PAID_SEARCH("paid_search"), ORGANIC_SEARCH(
                        "organic_search");

        final String channel;

        Touch(String channel) {
            this.channel = channel;
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> touches = new TreeMap<>();
    private final Map<String, BigDecimal> costs = new TreeMap<>();
    private int purchases;
    private BigDecimal revenue = BigDecimal.ZERO.setScale(2);

    /**
     * @param programmeId the demo programme (its shared costs name it)
     * @param espPath the ESP webhook's path
     * @param start the first hour of the demo week (touches, orders and costs fall in the six days after it)
     */
    DemoActivity(String programmeId, String espPath, Instant start) {
        Random random = new Random(2026);
        StringBuilder contacts = new StringBuilder("type,occurred_at,customer_id,email,code\n");
        StringBuilder orders = new StringBuilder("order_id,occurred_at,amount,currency,customer_id,email\n");
        ArrayNode web = EventJson.mapper().createArrayNode();
        ArrayNode email = EventJson.mapper().createArrayNode();
        ArrayNode social = EventJson.mapper().createArrayNode();
        for (int n = 1; n <= CUSTOMERS; n++) {
            String customer = "DEMO-C-" + n;
            String address = "customer" + n + "@demo.example";
            String visitor = "demo-visitor-" + n;
            Instant at = start.plus(random.nextInt(48), ChronoUnit.HOURS);
            boolean online = false;
            int count = 1 + random.nextInt(4);
            for (int t = 1; t <= count; t++) {
                Touch touch = Touch.values()[random.nextInt(Touch.values().length)];
                at = at.plus(1 + random.nextInt(18), ChronoUnit.HOURS);
                String id = "demo-" + n + "-" + t;
                touches.merge(touch.channel, 1, Integer::sum);
                switch (touch) {
                    case MAIL_DROP -> contacts.append(String.join(",", "mail_drop", at.toString(), customer, address,
                            CODES.get("direct_mail"))).append('\n');
                    case CALL -> contacts.append(String.join(",", "call", at.toString(), customer, address,
                            CODES.get("phone"))).append('\n');
                    case EMAIL_OPEN -> email.addObject().put("id", id).put("type", "open").put("email", address)
                            .put("timestamp", at.toString()).put("campaign", CODES.get("email"));
                    case EMAIL_CLICK -> email.addObject().put("id", id).put("type", "click").put("email", address)
                            .put("timestamp", at.toString()).put("url", landing("newsletter", "email", "email"));
                    case COMMUNITY -> social.addObject().put("id", id)
                            .put("network", random.nextBoolean() ? "instagram" : "linkedin")
                            .put("type", random.nextBoolean() ? "share" : "comment").put("occurredAt", at.toString())
                            .put("linkId", CODES.get("organic_social")).put("email", address);
                    default -> {
                        online = true;
                        pageView(web, touch, visitor, at);
                    }
                }
            }
            if (random.nextInt(10) < 6) {
                BigDecimal amount = BigDecimal.valueOf(1_990 + random.nextInt(18_000), 2);
                Instant ordered = at.plus(30, ChronoUnit.MINUTES);
                if (online) { // bought on the site: the purchase names the e-mail, so the visits join the customer
                    ObjectNode purchase = web.addObject().put("type", "purchase").put("anonymousId", visitor)
                            .put("timestamp", ordered.toString()).put("url", "https://shop.example/checkout/thanks")
                            .put("orderId", "demo-order-" + n).put("revenue", amount.toPlainString())
                            .put("currency", CURRENCY);
                    purchase.putObject("properties").put("email", address);
                } else { // ordered by phone or mail order: the order system's export
                    orders.append(String.join(",", "demo-order-" + n, ordered.toString(), amount.toPlainString(),
                            CURRENCY, customer, address)).append('\n');
                }
                purchases++;
                revenue = revenue.add(amount);
            }
        }
        requests.add(new Request("/api/v1/imports/offline?kind=touchpoints", "text/csv", contacts.toString(),
                Caller.INGEST));
        requests.add(new Request(espPath, "application/json", email.toString(), Caller.ESP));
        requests.add(new Request("/api/v1/social/engagements", "application/json", social.toString(), Caller.INGEST));
        requests.add(new Request("/api/v1/collect", "application/json", web.toString(), Caller.PUBLIC));
        requests.add(new Request("/api/v1/imports/offline?kind=conversions", "text/csv", orders.toString(),
                Caller.INGEST));
        costs(programmeId, LocalDate.ofInstant(start, ZoneOffset.UTC), random);
    }

    /** A landing URL of a campaign link. */
    private static String landing(String source, String medium, String channel) {
        return "https://shop.example/winter?utm_source=" + source + "&utm_medium=" + medium + "&utm_campaign="
                + CODES.get(channel);
    }

    /** One page view per visit (a session), from a paid-social ad, a search ad or Google's results. */
    private static void pageView(ArrayNode web, Touch touch, String visitor, Instant at) {
        ObjectNode view = web.addObject().put("type", "page_view").put("anonymousId", visitor)
                .put("timestamp", at.toString());
        switch (touch) {
            case PAID_SOCIAL -> view.put("url", landing("facebook", "paid_social", "paid_social"));
            case PAID_SEARCH -> view.put("url", landing("google", "cpc", "paid_search"));
            default -> view.put("url", "https://shop.example/winter").put("referrer", "https://www.google.com/");
        }
    }

    /**
     * Costs of every channel over the seven days from {@code first}: the call centre daily, the catalogue's print and
     * postage, newsletter sends, community management, the programme's own agency fee and production (no channel),
     * Google Ads search spend by day (its export) and Meta spend by day (insights).
     */
    private void costs(String programmeId, LocalDate first, Random random) {
        StringBuilder lines = new StringBuilder("date,campaign_code,programme_id,channel,amount,currency,category\n");
        for (int d = 0; d < 7; d++) {
            cost(lines, first.plusDays(d), CODES.get("phone"), "", "phone", "45.00", "call_centre");
        }
        cost(lines, first, CODES.get("direct_mail"), "", "direct_mail", "380.00", "print");
        cost(lines, first, CODES.get("direct_mail"), "", "direct_mail", "220.00", "postage");
        cost(lines, first, CODES.get("email"), "", "email", "60.00", "sends");
        cost(lines, first, CODES.get("organic_social"), "", "organic_social", "120.00", "community");
        cost(lines, first, "", programmeId, "", "300.00", "agency");
        cost(lines, first, "", programmeId, "", "150.00", "production");
        requests.add(new Request("/api/v1/imports/costs", "text/csv", lines.toString(), Caller.INGEST));

        StringBuilder googleAds = new StringBuilder("Campaign report\n\"Winter Sale 2026\"\n"
                + "Day,Campaign ID,Campaign,Currency code,Cost,Impr.,Clicks,Conversions,Conv. value\n");
        ArrayNode insights = EventJson.mapper().createArrayNode();
        for (int d = 0; d < 7; d++) {
            String day = first.plusDays(d).toString();
            BigDecimal search = BigDecimal.valueOf(3_000 + random.nextInt(3_000), 2);
            googleAds.append(String.join(",", day, GOOGLE_ADS_CAMPAIGN_ID, "Winter search", CURRENCY,
                    search.toPlainString(), "2100", "84", "2", "150.00")).append('\n');
            costs.merge("paid_search", search, BigDecimal::add);
            insights.addObject().put("campaign_id", META_CAMPAIGN_ID).put("campaign_name", "Winter social")
                    .put("date_start", day).put("date_stop", day).put("spend", "35.00").put("impressions", "4200")
                    .put("clicks", "96").put("account_currency", CURRENCY);
            costs.merge("paid_social", new BigDecimal("35.00"), BigDecimal::add);
        }
        requests.add(new Request("/api/v1/imports/ad-costs/google-ads", "text/csv", googleAds.toString(),
                Caller.INGEST));
        ObjectNode page = EventJson.mapper().createObjectNode();
        page.set("data", insights);
        requests.add(new Request("/api/v1/imports/meta-insights", "application/json", page.toString(),
                Caller.INGEST));
    }

    private void cost(StringBuilder lines, LocalDate day, String code, String programmeId, String channel,
            String amount, String category) {
        lines.append(String.join(",", day.toString(), code, programmeId, channel, amount, CURRENCY, category))
                .append('\n');
        costs.merge(channel.isEmpty() ? "shared" : channel, new BigDecimal(amount), BigDecimal::add);
    }

    /** The requests, in the order they are sent. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many touches each channel got. */
    Map<String, Integer> touches() {
        return Map.copyOf(touches);
    }

    /** What each channel cost over the week (EUR), and the programme's own costs under {@code shared}. */
    Map<String, BigDecimal> costs() {
        return Map.copyOf(costs);
    }

    int purchases() {
        return purchases;
    }

    /** The revenue of the purchases (EUR). */
    BigDecimal revenue() {
        return revenue;
    }
}
