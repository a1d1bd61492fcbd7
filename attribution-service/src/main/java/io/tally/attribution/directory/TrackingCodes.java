package io.tally.attribution.directory;

import java.util.Locale;

/** Tracking codes match case-insensitively: they are stored and looked up trimmed and lower-case. */
public final class TrackingCodes {

    private TrackingCodes() {
    }

    public static String normalise(String code) {
        return code == null ? null : code.trim().toLowerCase(Locale.ROOT);
    }
}
