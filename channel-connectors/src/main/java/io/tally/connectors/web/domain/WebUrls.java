package io.tally.connectors.web.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Small, lenient URL helpers for beacon input. */
public final class WebUrls {

    private WebUrls() {
    }

    /** True for an absolute {@code http} or {@code https} URL with a host. */
    public static boolean isAbsoluteHttp(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** The lower-case host of a URL, or null when it has none or cannot be parsed. */
    public static String host(String url) {
        URI uri = parse(url);
        return uri == null || uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
