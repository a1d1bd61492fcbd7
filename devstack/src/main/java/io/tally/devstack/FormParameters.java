package io.tally.devstack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of a query string or an {@code application/x-www-form-urlencoded} body (UTF-8), as OAuth reads them: a
 * parameter without a value counts as absent (RFC 6749 3.1), and one given more than once is set aside in
 * {@link #repeated()} instead of picking one of its values.
 *
 * @param values each parameter's value
 * @param repeated the names given more than once
 */
record FormParameters(Map<String, String> values, Set<String> repeated) {

    /** The parameters of {@code encoded} (null or empty: none); malformed percent-encoding throws. */
    static FormParameters parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> repeated = new TreeSet<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!name.isEmpty() && !value.isEmpty() && values.putIfAbsent(name, value) != null) {
                    repeated.add(name);
                }
            }
        }
        return new FormParameters(Map.copyOf(values), Set.copyOf(repeated));
    }

    /** The value of {@code name}, or null when it is absent, empty or repeated. */
    String get(String name) {
        return repeated.contains(name) ? null : values.get(name);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-encoding", e);
        }
    }
}
