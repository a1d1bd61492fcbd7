package io.tally.devstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.tally.support.security.Role;

/**
 * The authorization codes of {@link LocalSignIn}: 256 random bits each, spent by their first use, valid for
 * {@link #LIFETIME}, each bound to the client, redirect URI, PKCE challenge (RFC 7636, {@code S256}) and role it was
 * issued for.
 */
final class AuthorizationCodes {

    /** How long a code may wait to be exchanged for a token. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    /** A PKCE code verifier or challenge: 43 to 128 unreserved characters (RFC 7636 4.1, 4.2). */
    private static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    /** What a code was issued for, and until when it may be exchanged. */
    record Grant(String clientId, String redirectUri, String codeChallenge, Role role, Instant expires) {

        /** True when {@code verifier} is well formed and its SHA-256, base64url-encoded, is the challenge. */
        boolean provenBy(String verifier) {
            return isPkceValue(verifier) && MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                    codeChallenge.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> byCode = new ConcurrentHashMap<>();
    private final Clock clock;

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new code for the request; codes that have expired meanwhile are forgotten. */
    String issue(String clientId, String redirectUri, String codeChallenge, Role role) {
        Instant now = clock.instant();
        byCode.values().removeIf(grant -> !now.isBefore(grant.expires()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byCode.put(code, new Grant(clientId, redirectUri, codeChallenge, role, now.plus(LIFETIME)));
        return code;
    }

    /** What {@code code} was issued for, unless it is unknown, spent or expired. Either way it is spent now. */
    Optional<Grant> redeem(String code) {
        Grant grant = byCode.remove(code);
        return grant != null && clock.instant().isBefore(grant.expires()) ? Optional.of(grant) : Optional.empty();
    }

    /** True when {@code value} may be a PKCE code verifier or challenge (RFC 7636's characters and length). */
    static boolean isPkceValue(String value) {
        return value != null && PKCE_VALUE.matcher(value).matches();
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
