package io.tally.gateway.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tally.support.problem.ProblemException;
import io.tally.support.security.Role;

/**
 * Creating, listing, revoking and checking API keys. A key reads {@code tally_<id>.<secret>}: the id (32 hex digits)
 * finds the row, the secret (32 random bytes, base64url) must hash to the stored SHA-256. The secret is shown once, at
 * creation, and never stored.
 */
@ApplicationScoped
public class ApiKeys {

    /** What every key starts with, so secret scanners and people recognise one. */
    static final String PREFIX = "tally_";
    /** A key's last use is written at most this often. */
    static final long LAST_USED_GRANULARITY_SECONDS = 60;

    private static final Pattern FORMAT = Pattern.compile("tally_([0-9a-f]{32})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;

    ApiKeys(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** A new key and its one-time secret value. */
    public record Created(ApiKey key, String value) {
    }

    @Transactional
    public Created create(String name, Set<Role> roles, String by) {
        UUID id = UUID.randomUUID();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = ApiKey.of(id, name, roles, sha256(secret), Instant.now(), by);
        keys.persist(key);
        return new Created(key, PREFIX + HexFormat.of().formatHex(toBytes(id)) + "." + secret);
    }

    @Transactional
    public List<ApiKey> list() {
        return keys.newestFirst();
    }

    @Transactional
    public ApiKey get(UUID id) {
        ApiKey key = keys.findById(id);
        if (key == null) {
            throw ProblemException.notFound("API key " + id);
        }
        return key;
    }

    /** Revokes {@code id} (again is fine: the first revocation stands). */
    @Transactional
    public ApiKey revoke(UUID id, String by) {
        ApiKey key = get(id);
        if (!key.isRevoked()) {
            key.revoke(Instant.now(), by);
        }
        return key;
    }

    /** The active key {@code presented} is, with this use recorded; empty for anything else. */
    @Transactional
    public Optional<ApiKey> authenticate(String presented) {
        Matcher parts = FORMAT.matcher(presented.trim());
        if (!parts.matches()) {
            return Optional.empty();
        }
        ApiKey key = keys.findById(fromHex(parts.group(1)));
        if (key == null || key.isRevoked() || !MessageDigest.isEqual(key.getSecretSha256(), sha256(parts.group(2)))) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (key.getLastUsedAt() == null
                || key.getLastUsedAt().isBefore(now.minusSeconds(LAST_USED_GRANULARITY_SECONDS))) {
            keys.touch(key.getId(), now, LAST_USED_GRANULARITY_SECONDS);
        }
        return Optional.of(key);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID fromHex(String hex) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
