package io.tally.connectors.web.domain;

import java.util.Arrays;
import java.util.Optional;

/** The Shopify webhook topics Tally reads ({@code X-Shopify-Topic}); every other topic is acknowledged and ignored. */
public enum ShopifyTopic {
    ORDERS_CREATE("orders/create"), REFUNDS_CREATE("refunds/create");

    private final String header;

    ShopifyTopic(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The topic for its header value (exact), or empty for a topic Tally does not read. */
    public static Optional<ShopifyTopic> fromHeader(String header) {
        return Arrays.stream(values()).filter(t -> t.header.equals(header)).findFirst();
    }
}
