package io.tally.connectors.offline.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One offline import job (table {@code import_job}); used by the offline services only. */
@Entity
@Table(name = "import_job")
public class ImportJobEntity {

    @Id
    public UUID id;
    /** {@code touchpoints} or {@code conversions}. */
    public String kind;
    /** {@code queued}, {@code running}, {@code completed} or {@code failed}. */
    public String status;
    @Column(name = "upload_bytes")
    public long uploadBytes;
    @Column(name = "rows_read")
    public long rowsRead;
    public long accepted;
    public long deduplicated;
    public long rejected;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    public String error;
}
