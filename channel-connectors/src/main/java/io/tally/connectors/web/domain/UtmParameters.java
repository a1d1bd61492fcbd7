package io.tally.connectors.web.domain;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.tally.events.ClickIds;

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
        Map<String, String> query = ClickIds.query(url);
        if (query.isEmpty()) {
            return NONE;
        }
        Set<String> clickIds = new LinkedHashSet<>();
        for (String clickId : ClickIds.NAMES) {
            if (query.containsKey(clickId)) {
                clickIds.add(clickId);
            }
        }
        return new UtmParameters(query.get("utm_source"), query.get("utm_medium"), query.get("utm_campaign"),
                Set.copyOf(clickIds));
    }
}
