package io.tally.connectors.web.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The documented query parameters of one pixel request ({@code GET /api/v1/collect/pixel.gif}); others are not kept.
 *
 * @param params parameter → first value, only documented names, in {@link #PARAMS} order
 */
public record PixelHit(Map<String, String> params) {

    /**
     * The parameters read: {@code t} type, {@code mid} message id, {@code aid} anonymous id, {@code uid} user id,
     * {@code url}, {@code ref} referrer, {@code ts} time, {@code cid} campaign id, the UTM parameters and
     * {@code consent}.
     */
    public static final List<String> PARAMS = List.of("t", "mid", "aid", "uid", "url", "ref", "ts", "cid",
            "utm_source", "utm_medium", "utm_campaign", "consent");

    public PixelHit {
        params = Map.copyOf(params);
    }

    /** The documented parameters among {@code query} (name → its first value). */
    public static PixelHit of(Function<String, String> query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : PARAMS) {
            String value = query.apply(name);
            if (value != null) {
                params.put(name, value);
            }
        }
        return new PixelHit(params);
    }

    public String get(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The documented parameters as a query string, for a dead letter; undocumented ones never reach it. */
    public String raw() {
        StringJoiner query = new StringJoiner("&");
        for (String name : PARAMS) {
            if (params.containsKey(name)) {
                query.add(name + "=" + URLEncoder.encode(params.get(name), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
