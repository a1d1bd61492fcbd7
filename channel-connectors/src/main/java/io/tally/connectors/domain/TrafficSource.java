package io.tally.connectors.domain;

import java.util.Locale;
import java.util.Set;

/**
 * What a visit tells about where it came from: the UTM source and medium, the ad click ids present, the referrer host
 * and the host of the landing page. Any of them may be null (click ids: empty).
 *
 * @param clickIds the names of the click-id parameters present, lower case ({@code gclid}, {@code fbclid}, ...)
 */
public record TrafficSource(String utmSource, String utmMedium, Set<String> clickIds, String referrerHost,
        String landingHost) {

    public TrafficSource {
        utmSource = normalise(utmSource);
        utmMedium = normalise(utmMedium);
        clickIds = clickIds == null ? Set.of() : Set.copyOf(clickIds);
        referrerHost = host(referrerHost);
        landingHost = host(landingHost);
    }

    /** A visit without campaign parameters, known only by its referrer. */
    public static TrafficSource referred(String referrerHost, String landingHost) {
        return new TrafficSource(null, null, Set.of(), referrerHost, landingHost);
    }

    private static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** Lower case, without a leading {@code www.}: {@code WWW.Shop.example} and {@code shop.example} are one site. */
    private static String host(String value) {
        String host = normalise(value);
        if (host != null && host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host != null && host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }
}
