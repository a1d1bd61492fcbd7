package io.tally.connectors.email.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Keeps a recipient's address out of a clicked URL: links often carry it ({@code ?email=jane@…}). */
public final class EmailUrls {

    private EmailUrls() {
    }

    /**
     * {@code url} without every query parameter whose (decoded) value contains {@code address}; null when the address
     * is still in it elsewhere (path, fragment), so it is never published.
     */
    public static String withoutAddress(String url, String address) {
        if (url == null || address == null || address.isBlank()) {
            return url;
        }
        String needle = address.trim().toLowerCase(Locale.ROOT);
        if (!mentions(url, needle)) {
            return url;
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        if (question < 0) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : beforeFragment.substring(question + 1).split("&")) {
            if (!pair.isEmpty() && !mentions(pair, needle)) {
                kept.add(pair);
            }
        }
        String cleaned = beforeFragment.substring(0, question) + (kept.isEmpty() ? "" : "?" + String.join("&", kept))
                + fragment;
        return mentions(cleaned, needle) ? null : cleaned;
    }

    private static boolean mentions(String text, String lowerCaseNeedle) {
        return text.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle)
                || decode(text).toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
