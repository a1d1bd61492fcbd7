package io.tally.connectors.offline.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Import jobs in PostgreSQL. */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJobEntity, UUID> {

    /** Adds one chunk's counts to a job, in the database (no lost update). */
    public void addCounts(UUID id, long rowsRead, long accepted, long deduplicated, long rejected, Instant now) {
        update("rowsRead = rowsRead + ?1, accepted = accepted + ?2, deduplicated = deduplicated + ?3, "
                + "rejected = rejected + ?4, heartbeatAt = ?5 where id = ?6",
                rowsRead, accepted, deduplicated, rejected, now, id);
    }

    /** Confirms that this instance still holds the given jobs. */
    public int touch(Collection<UUID> ids, Instant now) {
        return ids.isEmpty()
                ? 0
                : update("heartbeatAt = ?1 where id in ?2 and status in ('queued', 'running')", now, ids);
    }

    /** Marks queued or running jobs nobody confirmed since {@code cutoff} as failed. */
    public int failStale(Instant cutoff, Instant now, String error) {
        return update("status = 'failed', finishedAt = ?1, error = ?2 "
                + "where status in ('queued', 'running') and heartbeatAt < ?3", now, error, cutoff);
    }
}
