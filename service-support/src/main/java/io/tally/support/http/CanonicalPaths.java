package io.tally.support.http;

import java.util.Optional;

/**
 * The one spelling of a request path that Tally accepts, so that access rules, the gateway's routes and the REST router
 * all read the same path. A raw (undecoded) request path is canonical when
 * <ul>
 * <li>it starts with {@code /} and has no empty segment: no {@code //}, no trailing slash (but {@code /} itself);</li>
 * <li>it has no dot segment ({@code .} or {@code ..}), no matrix parameter ({@code ;}) and no backslash;</li>
 * <li>every character is an RFC 3986 path character, and every percent-encoding is well formed and stands for a
 * character that must be encoded: never for an unreserved character ({@code A-Z a-z 0-9 - . _ ~}), {@code /},
 * {@code \}, {@code ;}, {@code %} or a control character. So a literal segment such as {@code reopen} has exactly one
 * spelling, and no encoding turns into a separator or a dot segment when a router decodes it.</li>
 * </ul>
 * Anything else is refused, not normalised: a client that spells a path two ways has a bug or an intent, and neither
 * should reach a rule.
 */
public final class CanonicalPaths {

    private static final String SUB_DELIMS_BUT_SEMICOLON = "!$&'()*+,=";

    private CanonicalPaths() {
    }

    /** The API's path space, where every rule above applies. */
    public static final String API = "/api/";

    /**
     * Why a request path may not be served, or empty: under {@value #API} it must be {@link #problem canonical};
     * elsewhere (Swagger UI, health, metrics, the OpenAPI documents: open, and served by Quarkus) one trailing slash is
     * allowed too, since Swagger UI is addressed as {@code /q/swagger-ui/}.
     */
    public static Optional<String> requestProblem(String rawPath) {
        if (rawPath != null && !rawPath.startsWith(API) && rawPath.length() > 1 && rawPath.endsWith("/")) {
            return problem(rawPath.substring(0, rawPath.length() - 1));
        }
        return problem(rawPath);
    }

    /** Whether a raw (undecoded) request path is canonical. */
    public static boolean isCanonical(String rawPath) {
        return problem(rawPath).isEmpty();
    }

    /** Why a raw (undecoded) request path is not canonical, or empty when it is. */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("the path must start with '/'");
        }
        if (rawPath.length() == 1) {
            return Optional.empty();
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("empty path segments (duplicate or trailing slashes) are not allowed");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("dot segments are not allowed");
            }
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                Optional<String> encoding = encoding(rawPath, i);
                if (encoding.isPresent()) {
                    return encoding;
                }
                i += 2;
            } else if (c == ';') {
                return Optional.of("matrix parameters (';') are not allowed");
            } else if (c != '/' && !isPathCharacter(c)) {
                return Optional.of("the character '" + printable(c) + "' must not appear in a path");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> encoding(String path, int at) {
        if (at + 2 >= path.length() || hex(path.charAt(at + 1)) < 0 || hex(path.charAt(at + 2)) < 0) {
            return Optional.of("a '%' must start a percent-encoding of two hex digits");
        }
        char decoded = (char) (hex(path.charAt(at + 1)) * 16 + hex(path.charAt(at + 2)));
        if (isUnreserved(decoded)) {
            return Optional.of("'" + decoded + "' must not be percent-encoded");
        }
        if (decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%' || decoded < 0x20
                || decoded == 0x7f) {
            return Optional.of("encoded slashes, backslashes, semicolons, percent signs and control characters are"
                    + " not allowed");
        }
        return Optional.empty();
    }

    private static boolean isPathCharacter(char c) {
        return isUnreserved(c) || c == ':' || c == '@' || SUB_DELIMS_BUT_SEMICOLON.indexOf(c) >= 0;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String printable(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
