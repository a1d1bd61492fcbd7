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
 * Remembers which event ids were published, in PostgreSQL, so an event that arrives again is not sent to Kafka again.
 * Ids are looked up before publishing and recorded after the broker acknowledged, each in a short transaction of its
 * own: no database connection is held while the broker is waited for. Two deliveries of the same event at the same
 * moment may both be published; that is safe, because event ids are stable and every consumer is idempotent on them.
 */
@ApplicationScoped
public class DedupStore {

    @Inject
    AgroalDataSource dataSource;

    /** Of {@code eventIds}, those not published before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<String> unseen(Collection<String> eventIds) {
        Set<String> fresh = new HashSet<>(eventIds);
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection
                        .prepareStatement("SELECT event_id FROM seen_event WHERE event_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    fresh.remove(rs.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read event ids", e);
        }
    }

    /** Records {@code eventIds} as published (the broker acknowledged them). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remember(String source, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO seen_event (event_id, source) "
                        + "SELECT unnest(?), ? ON CONFLICT (event_id) DO NOTHING")) {
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            insert.setArray(1, ids);
            insert.setString(2, source);
            insert.executeUpdate();
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
