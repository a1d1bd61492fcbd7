package io.tally.support.security;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified bearer token says about its caller.
 *
 * @param name {@code preferred_username} when the token has one, else {@code sub}
 * @param roles the Tally roles among the token's roles; others are ignored
 */
public record VerifiedToken(String name, String issuer, Set<Role> roles, Instant expiresAt) {
}
