package io.tally.attribution.sql;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Columns of many rows as arrays, for set-based statements that write or read a whole batch at once
 * ({@code INSERT … SELECT * FROM unnest(CAST(?1 AS text[]), …)}, {@code WHERE id = ANY(CAST(?1 AS text[]))}): one
 * round trip for the batch instead of one per row. Instants and UUIDs travel as text and are cast in the statement.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** A text column. */
    public static <T> String[] texts(Collection<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /** A timestamptz column, as ISO-8601 text ({@code CAST(? AS timestamptz[])}). */
    public static <T> String[] instants(Collection<T> rows, Function<T, Instant> value) {
        return rows.stream().map(value).map(at -> at == null ? null : at.toString()).toArray(String[]::new);
    }

    /** A uuid column, as text ({@code CAST(? AS uuid[])}). */
    public static <T> String[] uuids(Collection<T> rows, Function<T, UUID> value) {
        return rows.stream().map(value).map(id -> id == null ? null : id.toString()).toArray(String[]::new);
    }

    /** A bigint column. */
    public static <T> Long[] longs(Collection<T> rows, Function<T, Long> value) {
        return rows.stream().map(value).toArray(Long[]::new);
    }

    /** Strings as a text array. */
    public static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /** Longs as a bigint array. */
    public static Long[] longs(List<Long> values) {
        return values.toArray(Long[]::new);
    }
}
