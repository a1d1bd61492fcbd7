package io.tally.gateway.routing;

import java.util.Locale;

/** Recognises request paths that try to escape their route: dot segments, encoded slashes, dots or backslashes. */
public final class PathGuard {

    private PathGuard() {
    }

    /** Whether a raw (undecoded) request path is free of traversal tricks. */
    public static boolean isSafe(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%2e") || lower.contains("%5c") || lower.contains("%00")
                || lower.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
