package io.tally.connectors.web.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a beacon reports. Page views, clicks and email opens become touchpoints, sign-ups identity links, purchases
 * conversions and refunds conversion adjustments. Email opens come only through the pixel.
 */
public enum WebEventType {
    PAGE_VIEW("page_view"), CLICK("click"), SIGN_UP("sign_up"), PURCHASE("purchase"), REFUND("refund"), EMAIL_OPEN(
            "email_open");

    private final String wireName;

    WebEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True for the types that become a touchpoint. */
    public boolean isTouch() {
        return this == PAGE_VIEW || this == CLICK || this == EMAIL_OPEN;
    }

    /** The type for its wire name (exact), or empty. */
    public static Optional<WebEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
