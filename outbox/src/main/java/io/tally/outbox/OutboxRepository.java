package io.tally.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tally.outbox.sql.BinaryCopy;

/** Outbox rows; locking skips rows another relay or purge (replica) holds, so no row is sent twice at once. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {

    /**
     * Locks up to {@code limit} of the oldest unpublished rows, in id order, skipping rows locked by others. The table is
     * read in the service's default schema ({@code {h-schema}}).
     */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> lockUnpublished(int limit) {
        return getEntityManager()
                .createNativeQuery("select * from {h-schema}outbox where published_at is null"
                        + " order by id limit :limit for update skip locked", OutboxMessage.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Marks the rows published at {@code now}, in one statement. */
    public void markPublished(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("update {h-schema}outbox set published_at = ?1 where id = any(cast(?2 as"
                + " bigint[]))").setParameter(1, now).setParameter(2, ids.toArray(Long[]::new)).executeUpdate();
    }

    /**
     * Inserts new rows with one binary {@code COPY} (ids from the table's identity, in list order), each with its
     * traceparent: streamed, so a batch of large payloads is never one array in memory.
     */
    public void insertAll(List<OutboxMessage> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Session session = getEntityManager().unwrap(Session.class);
        String table = tableName(session);
        session.doWork(connection -> {
            try (BinaryCopy copy = BinaryCopy.into(connection, table, "topic", "message_key", "payload", "created_at",
                    "traceparent")) {
                for (OutboxMessage m : rows) {
                    copy.row().text(m.getTopic()).text(m.getMessageKey()).text(m.getPayload())
                            .timestamptz(m.getCreatedAt()).text(m.getTraceparent());
                }
                copy.finish();
            }
        });
    }

    /** The outbox table as mapped, in the service's schema ({@code attribution.outbox}). */
    private static String tableName(Session session) {
        return ((AbstractEntityPersister) session.getFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(OutboxMessage.class)).getTableName();
    }

    /** How many rows wait to be published, and when the oldest of them was written (null when none waits). */
    public Backlog backlog() {
        Object[] row = getEntityManager()
                .createQuery("select count(m), min(m.createdAt) from OutboxMessage m where m.publishedAt is null",
                        Object[].class)
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** Rows waiting to be published, and the creation time of the oldest (null when there are none). */
    public record Backlog(long rows, Instant oldestCreatedAt) {
    }

    /** How many rows wait to be published. */
    public long countUnpublished() {
        return count("publishedAt is null");
    }

    /**
     * Deletes up to {@code limit} of the oldest rows published before {@code cutoff}, skipping rows locked by others.
     * Unpublished rows ({@code published_at} null) never match.
     *
     * @return how many rows were deleted
     */
    public int deletePublishedBefore(Instant cutoff, int limit) {
        return getEntityManager()
                .createNativeQuery("delete from {h-schema}outbox where id in (select id from {h-schema}outbox"
                        + " where published_at < :cutoff order by id limit :limit for update skip locked)")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
