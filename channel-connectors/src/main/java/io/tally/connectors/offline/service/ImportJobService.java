package io.tally.connectors.offline.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.connectors.offline.domain.ImportKind;
import io.tally.connectors.offline.repository.ImportJobEntity;
import io.tally.connectors.offline.repository.ImportJobRepository;
import io.tally.connectors.offline.repository.ImportRejectEntity;
import io.tally.connectors.offline.repository.ImportRejectRepository;

/** The state of import jobs and their rejected rows in PostgreSQL; one transaction per call. */
@ApplicationScoped
public class ImportJobService {

    /** Job statuses as stored and answered. */
    public static final String QUEUED = "queued", RUNNING = "running", COMPLETED = "completed", FAILED = "failed";

    @Inject
    ImportJobRepository jobs;
    @Inject
    ImportRejectRepository rejects;

    @Transactional
    public ImportJob create(ImportKind kind, long uploadBytes) {
        ImportJobEntity job = new ImportJobEntity();
        job.id = UUID.randomUUID();
        job.kind = kind.wireName();
        job.status = QUEUED;
        job.uploadBytes = uploadBytes;
        job.createdAt = Instant.now();
        job.heartbeatAt = job.createdAt;
        jobs.persist(job);
        return view(job);
    }

    /** The {@code limit} most recent jobs, newest first. */
    @Transactional
    public List<ImportJob> recent(int limit) {
        return jobs.find("order by createdAt desc, id").page(0, limit).list().stream().map(ImportJobService::view)
                .toList();
    }

    @Transactional
    public Optional<ImportJob> find(UUID id) {
        return jobs.findByIdOptional(id).map(ImportJobService::view);
    }

    @Transactional
    public void start(UUID id) {
        ImportJobEntity job = jobs.findById(id);
        job.status = RUNNING;
        job.startedAt = Instant.now();
        job.heartbeatAt = job.startedAt;
    }

    /** Stores one chunk's rejected rows and adds its counts, together. */
    @Transactional
    public void recordChunk(UUID id, long rowsRead, long accepted, long deduplicated, List<RejectedRow> rejected) {
        for (RejectedRow r : rejected) {
            ImportRejectEntity entity = new ImportRejectEntity();
            entity.key = new ImportRejectEntity.Key(id, r.row(), r.ordinal());
            entity.columnName = r.column();
            entity.reason = r.reason();
            entity.raw = r.raw();
            rejects.persist(entity);
        }
        long rejectedRows = rejected.stream().mapToLong(RejectedRow::row).distinct().count();
        jobs.addCounts(id, rowsRead, accepted, deduplicated, rejectedRows, Instant.now());
    }

    @Transactional
    public void finish(UUID id, String error) {
        ImportJobEntity job = jobs.findById(id);
        if (job != null) {
            job.status = error == null ? COMPLETED : FAILED;
            job.error = error;
            job.finishedAt = Instant.now();
        }
    }

    /** Up to {@code limit} report lines after (row, ordinal), in row order. */
    @Transactional
    public List<RejectedRow> rejectsAfter(UUID id, long afterRow, int afterOrdinal, int limit) {
        return rejects.pageAfter(id, afterRow, afterOrdinal, limit).stream()
                .map(r -> new RejectedRow(r.key.rowNumber, r.key.ordinal, r.columnName, r.reason, r.raw)).toList();
    }

    @Transactional
    public void heartbeat(Collection<UUID> ids) {
        jobs.touch(ids, Instant.now());
    }

    /** Fails queued or running jobs not confirmed since {@code cutoff}; returns how many. */
    @Transactional
    public int failStale(Instant cutoff, String error) {
        return jobs.failStale(cutoff, Instant.now(), error);
    }

    private static ImportJob view(ImportJobEntity e) {
        return new ImportJob(e.id, e.kind, e.status, e.rowsRead, e.accepted, e.deduplicated, e.rejected, e.createdAt,
                e.startedAt, e.finishedAt, e.error);
    }
}
