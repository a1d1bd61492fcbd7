package io.tally.connectors.offline.repository;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One violation of one rejected row of an import (table {@code import_reject}); personal cells of {@code raw} masked. */
@Entity
@Table(name = "import_reject")
public class ImportRejectEntity {

    @EmbeddedId
    public Key key;
    @Column(name = "column_name")
    public String columnName;
    public String reason;
    public String raw;

    /** Job, row number (1 = first data row) and the violation's position within the row. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "job_id")
        public UUID jobId;
        @Column(name = "row_number")
        public long rowNumber;
        public int ordinal;

        public Key() {
        }

        public Key(UUID jobId, long rowNumber, int ordinal) {
            this.jobId = jobId;
            this.rowNumber = rowNumber;
            this.ordinal = ordinal;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.jobId.equals(jobId) && k.rowNumber == rowNumber && k.ordinal == ordinal;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(jobId, rowNumber, ordinal);
        }
    }
}
