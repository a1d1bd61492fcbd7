package io.tally.connectors.pipeline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * Remembers which event ids were published, in PostgreSQL, so the same event is sent to Kafka once however often it
 * arrives. Claims are part of the caller's transaction: if publishing fails, the transaction rolls back and the ids are
 * free again for the retry.
 */
@ApplicationScoped
public class DedupStore {

    @Inject
    AgroalDataSource dataSource;

    /** Of {@code eventIds}, those never claimed before; they are claimed now (when the transaction commits). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> claim(String source, Collection<String> eventIds) {
        Set<String> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO seen_event (event_id, source) "
                        + "SELECT unnest(?), ? ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            insert.setArray(1, ids);
            insert.setString(2, source);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event ids", e);
        }
    }

    /** Forgets ids first seen before {@code cutoff}; returns how many. */
    @Transactional
    public int purgeBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM seen_event WHERE first_seen_at < ?")) {
            delete.setObject(1, java.sql.Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge event ids", e);
        }
    }
}
