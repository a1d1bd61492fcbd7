package io.tally.devstack;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tally.devstack.GatewayClient.Caller;
import io.tally.devstack.GatewayClient.Request;
import io.tally.events.json.EventJson;
import io.tally.simulator.ChannelSpec;
import io.tally.simulator.Customer;
import io.tally.simulator.Scenario;
import io.tally.simulator.Touch;

/**
 * A simulator's journeys ({@link io.tally.simulator.Simulator}) as the requests that bring them in through the
 * connectors, each touch by the source that carries its channel in real life:
 *
 * <ul>
 * <li>web (the open collector, one {@code page_view} per visit): paid search ({@code utm_medium=cpc}), paid social
 * ({@code paid_social}), affiliate ({@code affiliate}), each with its campaign's {@code utm_campaign}; direct (no
 * referrer), organic search (a search engine's referrer), referral (another site's referrer); and a {@code sign_up}
 * before the first touch of every customer with a web touch, joining their visitor id to their e-mail;</li>
 * <li>e-mail opens and clicks: the ESP's signed webhook, with the campaign's code;</li>
 * <li>organic social engagements: the social engagements endpoint, with the campaign's link id;</li>
 * <li>direct mail, phone and events contacts: the offline touchpoint import ({@code mail_drop}, {@code call},
 * {@code event}) with the campaign's code;</li>
 * <li>conversions: the offline conversion import (order id, revenue, e-mail) a minute after the decision moment;</li>
 * <li>costs: the generic cost import, each channel's touch costs summed per campaign and UTC day.</li>
 * </ul>
 *
 * Ad impressions have no connector (they arrive only as counts in cost exports), so {@code display} touches are not
 * sent; they are counted in {@link #notSent()}. Display has no lift in any shipped scenario, so its truth is 0 either
 * way. The touches are sent first ({@link #touchRequests()}), the conversions and costs once they are stored
 * ({@link #conversionRequests()}), as a day's journeys arrive before its orders. Each customer's decision moment falls in the three days before {@code lastDecision} (seeded), its touches
 * {@code T − day} days before it; identifiers, codes and order ids carry {@code run}, so runs never collide.
 */
final class SimulatedActivity {

    static final String CURRENCY = "EUR";
    /** Events per request: the collector's and engagement endpoint's batch limit. */
    static final int BATCH = 500;
    /** The days over which the decision moments spread. */
    static final int DECISION_DAYS = 3;

    private final String run;
    private final List<Request> touchRequests = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> sent = new TreeMap<>();
    private final Map<String, Integer> notSent = new TreeMap<>();
    private final Map<String, BigDecimal> costs = new TreeMap<>();
    private final BigDecimal revenue;
    private final long conversions;
    private final Instant firstTouch;
    private final LocalDate firstDay;
    private final LocalDate firstConversionDay;
    private final LocalDate lastDay;

    /**
     * @param run this run's id, in every identifier, code and order id
     * @param espPath the ESP webhook's path
     * @param lastDecision the latest decision moment
     * @param seed where the decision moments fall
     */
    SimulatedActivity(Scenario scenario, List<Customer> customers, String run, String espPath, Instant lastDecision,
            long seed) {
        this.run = run;
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, BigDecimal> unitCost = new TreeMap<>();
        scenario.channels().forEach(c -> unitCost.put(c.channel(), c.costPerTouch()));
        StringBuilder contacts = new StringBuilder("type,occurred_at,email,code\n");
        StringBuilder orders = new StringBuilder("order_id,occurred_at,amount,currency,email\n");
        Map<String, BigDecimal> costByDay = new TreeMap<>(); // "day,channel" → cost
        List<ObjectNode> web = new ArrayList<>();
        List<ObjectNode> email = new ArrayList<>();
        List<ObjectNode> social = new ArrayList<>();
        Instant earliest = lastDecision;
        Instant earliestConversion = lastDecision;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        long converted = 0;
        for (Customer customer : customers) {
            Instant decision = lastDecision.minusSeconds(random.nextLong(DECISION_DAYS * 86_400L));
            String address = "c" + customer.id() + "-" + run + "@sim.example";
            String visitor = "sim-" + run + "-" + customer.id();
            boolean signedUp = false;
            int n = 0;
            for (Touch touch : customer.touches()) {
                Instant at = decision.minus(days(customer.decisionDay() - touch.day()));
                earliest = at.isBefore(earliest) ? at : earliest;
                String id = visitor + "-" + n++;
                String code = code(touch.channel());
                if (isWeb(touch.channel()) && !signedUp) {
                    web.add(signUp(visitor, address, customer.decisionDay(), decision));
                    signedUp = true;
                }
                switch (touch.channel()) {
                    case "paid_search" -> web.add(visit(id, visitor, at, landing("google", "cpc", code), null));
                    case "paid_social" -> web.add(visit(id, visitor, at, landing("facebook", "paid_social", code),
                            null));
                    case "affiliate" -> web.add(visit(id, visitor, at, landing("partner", "affiliate", code), null));
                    case "direct" -> web.add(visit(id, visitor, at, "https://shop.example/", null));
                    case "organic_search" -> web.add(visit(id, visitor, at, "https://shop.example/",
                            "https://www.google.com/"));
                    case "referral" -> web.add(visit(id, visitor, at, "https://shop.example/",
                            "https://blog.partner.example/post"));
                    case "email" -> {
                        ObjectNode event = GatewayClient.object().put("id", id).put("email", address)
                                .put("timestamp", at.toString());
                        if (touch.kind().equals("open")) {
                            event.put("type", "open").put("campaign", code);
                        } else {
                            event.put("type", "click").put("url", landing("newsletter", "email", code));
                        }
                        email.add(event);
                    }
                    case "organic_social" -> social.add(GatewayClient.object().put("id", id).put("network",
                            "instagram").put("type", "share").put("occurredAt", at.toString()).put("linkId", code)
                            .put("email", address));
                    case "direct_mail" -> contact(contacts, "mail_drop", at, address, code);
                    case "phone" -> contact(contacts, "call", at, address, code);
                    case "events" -> contact(contacts, "event", at, address, code);
                    default -> {
                        notSent.merge(touch.channel(), 1, Integer::sum);
                        continue;
                    }
                }
                sent.merge(touch.channel(), 1, Integer::sum);
                BigDecimal cost = unitCost.get(touch.channel());
                if (cost.signum() > 0) {
                    costByDay.merge(LocalDate.ofInstant(at, ZoneOffset.UTC) + "," + touch.channel(), cost,
                            BigDecimal::add);
                }
            }
            if (customer.converted()) {
                Instant ordered = decision.plus(1, ChronoUnit.MINUTES);
                earliestConversion = ordered.isBefore(earliestConversion) ? ordered : earliestConversion;
                orders.append(String.join(",", "sim-" + run + "-order-" + customer.id(), ordered.toString(),
                        customer.orderValue().toPlainString(), CURRENCY, address)).append('\n');
                total = total.add(customer.orderValue());
                converted++;
            }
        }
        this.revenue = total;
        this.conversions = converted;
        this.firstDay = LocalDate.ofInstant(earliest, ZoneOffset.UTC);
        this.firstConversionDay = LocalDate.ofInstant(earliestConversion, ZoneOffset.UTC);
        this.lastDay = LocalDate.ofInstant(lastDecision.plus(1, ChronoUnit.MINUTES), ZoneOffset.UTC);

        this.firstTouch = earliest;
        batches(web, "/api/v1/collect", Caller.PUBLIC);
        batches(email, espPath, Caller.ESP);
        batches(social, "/api/v1/social/engagements", Caller.INGEST);
        if (contacts.indexOf("\n") < contacts.length() - 1) {
            touchRequests.add(new Request("/api/v1/imports/offline?kind=touchpoints", "text/csv", contacts.toString(),
                    Caller.INGEST));
        }
        requests.add(new Request("/api/v1/imports/offline?kind=conversions", "text/csv", orders.toString(),
                Caller.INGEST));
        StringBuilder lines = new StringBuilder("date,campaign_code,programme_id,channel,amount,currency,category\n");
        costByDay.forEach((key, cost) -> {
            String[] dayAndChannel = key.split(",");
            lines.append(String.join(",", dayAndChannel[0], code(dayAndChannel[1]), "", dayAndChannel[1],
                    cost.toPlainString(), CURRENCY, "media")).append('\n');
            costs.merge(dayAndChannel[1], cost, BigDecimal::add);
        });
        requests.add(new Request("/api/v1/imports/costs", "text/csv", lines.toString(), Caller.INGEST));
    }

    /** The channels a campaign of the run carries, with a tracking code each. */
    static List<String> campaignChannels(Scenario scenario) {
        return scenario.channels().stream().map(ChannelSpec::channel).filter(c -> !isWeb(c) || isPaidWeb(c))
                .filter(c -> !c.equals("display")).toList();
    }

    /** The run's utm_campaign code of a channel's campaign. */
    String code(String channel) {
        return "sim-" + run + "-" + channel;
    }

    private static boolean isWeb(String channel) {
        return List.of("paid_search", "paid_social", "affiliate", "direct", "organic_search", "referral")
                .contains(channel);
    }

    private static boolean isPaidWeb(String channel) {
        return List.of("paid_search", "paid_social", "affiliate").contains(channel);
    }

    private static Duration days(double days) {
        return Duration.ofMillis(Math.round(days * 86_400_000d));
    }

    /** Just before the journey's first day: the customer signs up, so their visits join their e-mail. */
    private static ObjectNode signUp(String visitor, String address, double journeyDays, Instant decision) {
        ObjectNode event = GatewayClient.object().put("type", "sign_up").put("messageId", visitor + "-signup")
                .put("anonymousId", visitor).put("userId", visitor)
                .put("timestamp", decision.minus(days(journeyDays)).minus(1, ChronoUnit.MINUTES).toString())
                .put("url", "https://shop.example/account/welcome");
        event.putObject("properties").put("email", address);
        return event;
    }

    private static ObjectNode visit(String id, String visitor, Instant at, String url, String referrer) {
        ObjectNode view = GatewayClient.object().put("type", "page_view").put("messageId", id)
                .put("anonymousId", visitor).put("timestamp", at.toString()).put("url", url);
        if (referrer != null) {
            view.put("referrer", referrer);
        }
        return view;
    }

    private static String landing(String source, String medium, String code) {
        return "https://shop.example/offer?utm_source=" + source + "&utm_medium=" + medium + "&utm_campaign=" + code;
    }

    private static void contact(StringBuilder lines, String type, Instant at, String address, String code) {
        lines.append(String.join(",", type, at.toString(), address, code)).append('\n');
    }

    private void batches(List<ObjectNode> events, String path, Caller caller) {
        for (int from = 0; from < events.size(); from += BATCH) {
            ArrayNode batch = EventJson.mapper().createArrayNode();
            events.subList(from, Math.min(events.size(), from + BATCH)).forEach(batch::add);
            touchRequests.add(new Request(path, "application/json", batch.toString(), caller));
        }
    }

    /** The requests of the touches (and sign-ups), to be stored before the conversions are sent. */
    List<Request> touchRequests() {
        return List.copyOf(touchRequests);
    }

    /** The requests of the conversions and the costs. */
    List<Request> conversionRequests() {
        return List.copyOf(requests);
    }

    /** The earliest touch. */
    Instant firstTouch() {
        return firstTouch;
    }

    /** How many touches were sent in all. */
    long touchesSent() {
        return sent.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Touches sent per channel. */
    Map<String, Integer> sent() {
        return Map.copyOf(sent);
    }

    /** Touches of channels no connector takes (ad impressions), per channel. */
    Map<String, Integer> notSent() {
        return Map.copyOf(notSent);
    }

    /** Each channel's cost as imported (channels that cost nothing are absent). */
    Map<String, BigDecimal> costs() {
        return Map.copyOf(costs);
    }

    /** The revenue of the conversions sent. */
    BigDecimal revenue() {
        return revenue;
    }

    long conversions() {
        return conversions;
    }

    /** The day of the earliest touch (UTC). */
    LocalDate firstDay() {
        return firstDay;
    }

    /** The day of the earliest conversion (UTC). */
    LocalDate firstConversionDay() {
        return firstConversionDay;
    }

    /** The day of the latest conversion (UTC). */
    LocalDate lastDay() {
        return lastDay;
    }
}
