package io.tally.connectors.offline.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.connectors.offline.service.ImportJob;

/** An import job's status and counters; every data row ends up in exactly one of accepted, deduplicated, rejected. */
@Schema(name = "ImportJob", description = "An import job: status and counters, updated after each chunk of rows")
public record ImportJobResponse(
        UUID id,
        @Schema(enumeration = {
                "touchpoints", "conversions", "refunds"}) String kind,
        @Schema(enumeration = {"queued", "running", "completed", "failed"}) String status,
        @Schema(description = "Data rows read so far (the header row not counted)", examples = "1250") long rowsRead,
        @Schema(description = "Rows whose event was published now", examples = "1180") long accepted,
        @Schema(description = "Rows whose event had been published before (a re-upload, an overlapping file, an order "
                + "already reported online)", examples = "60") long deduplicated,
        @Schema(description = "Rows rejected; see the rejects report", examples = "10") long rejected,
        Instant createdAt,
        @Schema(description = "When processing began; null while queued") Instant startedAt,
        @Schema(description = "When the job completed or failed") Instant finishedAt,
        @Schema(description = "Why the job failed (not valid CSV, Kafka unavailable); null otherwise") String error){

    static ImportJobResponse of(ImportJob job) {
        return new ImportJobResponse(job.id(), job.kind(), job.status(), job.rowsRead(), job.accepted(),
                job.deduplicated(), job.rejected(), job.createdAt(), job.startedAt(), job.finishedAt(), job.error());
    }
}
