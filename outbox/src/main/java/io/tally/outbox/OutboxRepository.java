package io.tally.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

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

    /** Inserts new rows in one statement (ids from the table's identity, in list order), each with its traceparent. */
    public void insertAll(List<OutboxMessage> rows) {
        getEntityManager().createNativeQuery("insert into {h-schema}outbox (topic, message_key, payload, created_at,"
                + " traceparent) select topic, message_key, payload, created_at, traceparent from unnest("
                + "cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as timestamptz[]),"
                + " cast(?5 as text[])) with ordinality as r(topic, message_key, payload, created_at, traceparent, n)"
                + " order by n")
                .setParameter(1, rows.stream().map(OutboxMessage::getTopic).toArray(String[]::new))
                .setParameter(2, rows.stream().map(OutboxMessage::getMessageKey).toArray(String[]::new))
                .setParameter(3, rows.stream().map(OutboxMessage::getPayload).toArray(String[]::new))
                .setParameter(4, rows.stream().map(m -> m.getCreatedAt().toString()).toArray(String[]::new))
                .setParameter(5, rows.stream().map(OutboxMessage::getTraceparent).toArray(String[]::new))
                .executeUpdate();
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
