package io.tally.connectors.rejects.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.tally.connectors.offline.domain.MaskedRows;
import io.tally.events.Reject;

/**
 * The reject log: the pipeline's dead letters, as {@link RejectLogConsumer} reads them from {@code tally.rejects}, in
 * PostgreSQL, for {@code GET /api/v1/rejects}. Idempotent on the dead letter's id (the same bad input from the same
 * source is one row, however often it arrives or is redelivered). Texts are cut to a bounded length; what PostgreSQL
 * text cannot hold (NUL) never reaches here, since {@code Reject.of} replaces it and the event contract refuses it.
 */
@ApplicationScoped
public class RejectLog {

    /** The most characters of a raw payload the log keeps. */
    public static final int EXCERPT_CHARS = 1_000;
    static final int SOURCE_CHARS = 200;
    static final int FIELD_CHARS = 200;
    static final int REASON_CHARS = 1_000;

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    @Inject
    AgroalDataSource dataSource;

    /** Logs {@code rejects}; one already logged (by id) is left as it is. */
    @Transactional
    public void record(List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        int n = rejects.size();
        String[] ids = new String[n];
        String[] at = new String[n];
        String[] sources = new String[n];
        String[] fields = new String[n];
        String[] reasons = new String[n];
        String[] excerpts = new String[n];
        for (int i = 0; i < n; i++) {
            Reject r = rejects.get(i);
            ids[i] = clean(r.eventId(), Integer.MAX_VALUE);
            at[i] = r.rejectedAt().toString();
            sources[i] = clean(r.source(), SOURCE_CHARS);
            fields[i] = clean(r.field(), FIELD_CHARS);
            reasons[i] = clean(r.reason(), REASON_CHARS);
            excerpts[i] = clean(masked(r.rawPayload()), EXCERPT_CHARS);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO reject_log (event_id, rejected_at,"
                        + " source, field, reason, raw_excerpt) SELECT id, at::timestamptz, source, field, reason,"
                        + " excerpt FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " AS r(id, at, source, field, reason, excerpt) ON CONFLICT (event_id) DO NOTHING")) {
            Object[][] columns = {ids, at, sources, fields, reasons, excerpts};
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not log " + n + " dead letters", e);
        }
    }

    /** How many dead letters were rejected at or after {@code since} (of {@code source} only, when given). */
    @Transactional
    public long count(Instant since, Optional<String> source) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM reject_log"
                        + " WHERE rejected_at >= ? AND (?::text IS NULL OR source = ?)")) {
            bind(select, since, source);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count dead letters", e);
        }
    }

    /**
     * The dead letters rejected at or after {@code since} grouped by source, field and reason, the largest groups
     * first (then the most recent); at most {@code limit} groups.
     */
    @Transactional
    public List<RejectGroup> groups(Instant since, Optional<String> source, int limit) {
        return list("SELECT source, field, reason, count(*), min(rejected_at), max(rejected_at) FROM reject_log"
                + " WHERE rejected_at >= ? AND (?::text IS NULL OR source = ?)"
                + " GROUP BY source, field, reason ORDER BY count(*) DESC, max(rejected_at) DESC, source, field, reason"
                + " LIMIT ?", since, source, limit,
                rs -> new RejectGroup(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4), instant(rs, 5), instant(rs, 6)));
    }

    /** The {@code limit} most recently rejected dead letters at or after {@code since}, newest first. */
    @Transactional
    public List<LoggedReject> recent(Instant since, Optional<String> source, int limit) {
        return list("SELECT event_id, rejected_at, source, field, reason, raw_excerpt FROM reject_log"
                + " WHERE rejected_at >= ? AND (?::text IS NULL OR source = ?)"
                + " ORDER BY rejected_at DESC, event_id LIMIT ?", since, source, limit,
                rs -> new LoggedReject(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    /** A row of a query's result. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code sql}, whose parameters are the window's start, the source (twice) and the limit. */
    private <T> List<T> list(String sql, Instant since, Optional<String> source, int limit, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, since, source);
            select.setInt(4, limit);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reject log", e);
        }
    }

    /** Forgets dead letters logged before {@code cutoff}; returns how many. */
    @Transactional
    public int purgeLoggedBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM reject_log WHERE logged_at < ?")) {
            delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge dead letters", e);
        }
    }

    private static void bind(PreparedStatement select, Instant since, Optional<String> source) throws SQLException {
        select.setObject(1, since.atOffset(ZoneOffset.UTC));
        select.setString(2, source.orElse(null));
        select.setString(3, source.orElse(null));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * {@code raw} with every e-mail address (also URL-encoded, {@code %40}) replaced by {@value MaskedRows#MASK} (as in the offline imports' reject reports): the log serves
     * excerpts through the API, and a webhook's body that failed validation may hold a customer's address in clear
     * (sources that mask their dead letters, the pixel and the offline imports, have masked them already).
     */
    static String masked(String raw) {
        return raw == null ? null : EMAIL.matcher(raw).replaceAll(MaskedRows.MASK);
    }

    /** {@code text} ("" for null) cut to {@code max} characters and marked so (never inside a surrogate pair). */
    static String clean(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
