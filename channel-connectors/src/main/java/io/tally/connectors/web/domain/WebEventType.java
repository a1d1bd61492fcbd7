package io.tally.connectors.web.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a beacon reports: a page view (becomes a touchpoint) or a purchase (becomes a conversion). */
public enum WebEventType {
    PAGE_VIEW("page_view"), PURCHASE("purchase");

    private final String wireName;

    WebEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type for its wire name (exact), or empty. */
    public static Optional<WebEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
