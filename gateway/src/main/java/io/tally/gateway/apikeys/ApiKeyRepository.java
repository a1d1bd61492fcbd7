package io.tally.gateway.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The {@code gateway.api_key} table. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** Every key, newest first. */
    public List<ApiKey> newestFirst() {
        return listAll(Sort.descending("createdAt").and("id"));
    }

    /**
     * Marks {@code id} used at {@code at}, unless it was marked less than {@code granularitySeconds} before: one write
     * per key and interval, however busy the key.
     */
    public void touch(UUID id, Instant at, long granularitySeconds) {
        update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", at, id,
                at.minusSeconds(granularitySeconds));
    }
}
