package io.tally.connectors.web.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tally.connectors.domain.ChannelGrouping;

/**
 * The campaign parameters of a landing-page URL: {@code utm_source}, {@code utm_medium}, {@code utm_campaign} (decoded,
 * trimmed, null when absent or blank) and the ad click ids present. Only the query counts, never the fragment; parameter
 * names are case-insensitive and the first occurrence of a name wins.
 *
 * @param clickIds the click-id parameter names with a value ({@code gclid}, {@code msclkid}, {@code fbclid})
 */
public record UtmParameters(String source, String medium, String campaign, Set<String> clickIds) {

    public static final UtmParameters NONE = new UtmParameters(null, null, null, Set.of());

    /** The parameters of {@code url}; {@link #NONE} for a null URL or one without a query. */
    public static UtmParameters parse(String url) {
        Map<String, String> query = query(url);
        if (query.isEmpty()) {
            return NONE;
        }
        Set<String> clickIds = new LinkedHashSet<>();
        for (String clickId : ChannelGrouping.CLICK_IDS) {
            if (query.containsKey(clickId)) {
                clickIds.add(clickId);
            }
        }
        return new UtmParameters(query.get("utm_source"), query.get("utm_medium"), query.get("utm_campaign"),
                Set.copyOf(clickIds));
    }

    /** The non-blank query parameters of a URL, names lower-cased, values decoded and trimmed. */
    static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        if (url == null) {
            return params;
        }
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        if (question < 0) {
            return params;
        }
        for (String pair : beforeFragment.substring(question + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = decode(pair.substring(eq + 1)).trim();
            if (!value.isEmpty()) {
                params.putIfAbsent(name, value);
            }
        }
        return params;
    }

    /** Form-decodes ({@code %20} and {@code +} are spaces); a malformed escape leaves the text as it was sent. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
