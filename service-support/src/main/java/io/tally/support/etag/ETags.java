package io.tally.support.etag;

import java.util.Arrays;

import jakarta.ws.rs.core.EntityTag;

import io.tally.support.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's {@code ETag} is its version as a strong entity tag ({@code "7"}), and a
 * replacing {@code PUT} must send it back in {@code If-Match}. Missing is 428, stale is 412, so two clients that
 * read the same version cannot both overwrite it.
 */
public final class ETags {

    private ETags() {
    }

    /** The entity tag of a version: {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The same tag for a JAX-RS response's {@code ETag} header. */
    public static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version: {@code *} or a list holding the current tag
     * passes (weak tags {@code W/"7"} do not: If-Match compares strongly).
     *
     * @param what the resource, for the problem's detail (e.g. "programme 0b8f…")
     * @throws ProblemException 428 when the header is missing, 412 when it names no current version
     */
    public static void requireMatch(String ifMatch, long currentVersion, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("changing " + what + " needs If-Match with its ETag (from GET);"
                    + " the current one is " + of(currentVersion));
        }
        String current = of(currentVersion);
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw ProblemException.preconditionFailed(what + " changed since " + ifMatch.strip()
                    + "; it is now at " + current + ": read it again and reapply the change");
        }
    }
}
