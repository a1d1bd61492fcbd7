package io.tally.connectors;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Beacon events for tests; every id is unique, because all test classes share one broker. */
public final class CollectFixtures {

    /** A timestamp safely in the past, so skew rules never interfere. */
    public static final String TIMESTAMP = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
            .toString();
    public static final String LANDING = "https://shop.example/shoes";

    private CollectFixtures() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A page view of {@code url} by {@code anonymousId}; mutable, so a test can break one field. */
    public static Map<String, Object> pageView(String anonymousId, String url) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "page_view");
        event.put("anonymousId", anonymousId);
        event.put("timestamp", TIMESTAMP);
        event.put("url", url);
        return event;
    }

    /** A page view with email campaign parameters. */
    public static Map<String, Object> pageView(String anonymousId) {
        return pageView(anonymousId, LANDING + "?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026");
    }

    /** A purchase of {@code revenue} {@code currency}; mutable, so a test can break one field. */
    public static Map<String, Object> purchase(String anonymousId, String orderId, Object revenue, String currency) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "purchase");
        event.put("anonymousId", anonymousId);
        event.put("timestamp", TIMESTAMP);
        event.put("orderId", orderId);
        event.put("revenue", revenue);
        event.put("currency", currency);
        return event;
    }

    /** A purchase of 49.90 EUR. */
    public static Map<String, Object> purchase(String anonymousId, String orderId) {
        return purchase(anonymousId, orderId, "49.90", "EUR");
    }

    /** The record key of events that carry only an anonymous id. */
    public static String anonymousKey(String anonymousId) {
        return "anonymousId:" + anonymousId;
    }
}
