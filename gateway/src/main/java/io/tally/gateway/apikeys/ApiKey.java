package io.tally.gateway.apikeys;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tally.support.security.Role;

/** One API key: its name, roles and life; the secret itself is kept only as a SHA-256 hash. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    private UUID id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "roles", nullable = false, length = 200)
    private String roles;

    @Column(name = "secret_sha256", nullable = false)
    private byte[] secretSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 200)
    private String revokedBy;

    protected ApiKey() {
    }

    static ApiKey of(UUID id, String name, Set<Role> roles, byte[] secretSha256, Instant at, String by) {
        ApiKey key = new ApiKey();
        key.id = id;
        key.name = name;
        key.roles = roles.stream().sorted().map(Role::claim).collect(Collectors.joining(","));
        key.secretSha256 = secretSha256.clone();
        key.createdAt = at;
        key.createdBy = by;
        return key;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Role> getRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(Role::fromClaim).forEach(role -> role.ifPresent(set::add));
        return set;
    }

    byte[] getSecretSha256() {
        return secretSha256.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant at, String by) {
        revokedAt = at;
        revokedBy = by;
    }
}
