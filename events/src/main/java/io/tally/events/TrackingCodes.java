package io.tally.events;

import java.util.Locale;

/**
 * The one key of a tracking code (campaign code, coupon code) for every service: codes match case-insensitively and
 * without surrounding whitespace, so each service stores and looks them up in this form.
 */
public final class TrackingCodes {

    private TrackingCodes() {
    }

    /**
     * The stored and matched form of {@code code}: without leading or trailing whitespace ({@link String#strip()},
     * Unicode whitespace included) and lower-case ({@link Locale#ROOT}); null stays null. Codes with control characters
     * never get this far: the contract refuses them ({@link io.tally.events.validation.Violations#text}).
     */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toLowerCase(Locale.ROOT);
    }
}
