package io.tally.support.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call the operations matching {@code methods} on {@code pattern}: nobody needs a token when
 * {@code open}, otherwise a caller holding one of {@code roles}.
 *
 * <p>
 * A pattern is a path whose segments are literals, {@code *} (exactly one segment) or, as the last segment,
 * {@code **} (the rest of the path, possibly nothing).
 */
public record AccessRule(Set<String> methods, String pattern, boolean open, Set<Role> roles) {

    public AccessRule {
        methods = Set.copyOf(methods);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("A pattern starts with '/': " + pattern);
        }
        if (open == !roles.isEmpty()) {
            throw new IllegalArgumentException("A rule is either open or names roles: " + pattern);
        }
    }

    /** Whether this rule covers {@code method} (case-sensitive, as RFC 9110 says) on {@code path}. */
    public boolean matches(String method, String path) {
        return methods.contains(method) && pathMatches(pattern, path);
    }

    /** Whether a caller with {@code held} roles may pass. */
    public boolean allows(Set<Role> held) {
        if (open) {
            return true;
        }
        for (Role role : held) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    static boolean pathMatches(String pattern, String path) {
        String[] want = pattern.substring(1).split("/", -1);
        String[] have = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[]{"\0"};
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("**") && i == want.length - 1) {
                return true;
            }
            if (i >= have.length || have[i].isEmpty()) {
                return false;
            }
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return have.length == want.length;
    }
}
