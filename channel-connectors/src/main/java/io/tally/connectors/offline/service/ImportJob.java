package io.tally.connectors.offline.service;

import java.time.Instant;
import java.util.UUID;

/** An import job as the offline services report it (the entity stays inside the service layer). */
public record ImportJob(UUID id, String kind, String status, long rowsRead, long accepted, long deduplicated,
        long rejected, Instant createdAt, Instant startedAt, Instant finishedAt, String error) {
}
