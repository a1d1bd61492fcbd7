package io.tally.connectors.offline.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

/** The rejected rows of import jobs. */
@ApplicationScoped
public class ImportRejectRepository implements PanacheRepositoryBase<ImportRejectEntity, ImportRejectEntity.Key> {

    /** Up to {@code limit} rejects of a job after (row, ordinal), in row order: one page of a streamed report. */
    public List<ImportRejectEntity> pageAfter(UUID jobId, long afterRow, int afterOrdinal, int limit) {
        return find("key.jobId = :job and (key.rowNumber > :row or (key.rowNumber = :row and key.ordinal > :ordinal)) "
                + "order by key.rowNumber, key.ordinal",
                Parameters.with("job", jobId).and("row", afterRow).and("ordinal", afterOrdinal))
                .page(0, limit).list();
    }
}
