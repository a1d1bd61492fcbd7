package io.tally.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ad click-id parameters of landing-page URLs, shared by the web connectors (which classify a visit by them) and
 * attribution (which starts a new web session at a new click id).
 */
public final class ClickIds {

    /** Click-id parameters, in the order they are checked: search networks first. */
    public static final List<String> NAMES = List.of("gclid", "gbraid", "wbraid", "msclkid", "fbclid", "ttclid",
            "li_fat_id");

    /** Click ids that only ad clicks carry on a search network (Google, Microsoft): the visit is paid search. */
    public static final Set<String> PAID_SEARCH = Set.of("gclid", "gbraid", "wbraid", "msclkid");

    /** Click ids that only ad clicks carry on a social network (TikTok, LinkedIn): the visit is paid social. */
    public static final Set<String> PAID_SOCIAL = Set.of("ttclid", "li_fat_id");

    /** The ad network behind each click id. */
    public static final Map<String, String> NETWORKS = Map.of("gclid", "google", "gbraid", "google", "wbraid",
            "google", "msclkid", "microsoft", "fbclid", "meta", "ttclid", "tiktok", "li_fat_id", "linkedin");

    private ClickIds() {
    }

    /**
     * The first click id of {@code url}'s query, in {@link #NAMES} order, as {@code name=value} ({@code gclid=abc});
     * empty without one. Names are case-insensitive, values decoded and trimmed, the fragment is ignored, and the first
     * non-blank occurrence of a name wins.
     */
    public static Optional<String> firstOf(String url) {
        Map<String, String> query = query(url);
        return NAMES.stream().filter(query::containsKey).findFirst().map(name -> name + "=" + query.get(name));
    }

    /**
     * The non-blank query parameters of a URL ({@code null}: none): names lower-cased, values form-decoded (a
     * malformed escape is kept as sent) and trimmed, the first occurrence of a name wins; the fragment never counts.
     */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
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

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
