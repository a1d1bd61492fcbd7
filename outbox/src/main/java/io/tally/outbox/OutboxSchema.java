package io.tally.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table's one definition, {@value #REFERENCE} in this module, and how a service's table is compared with
 * it on PostgreSQL: columns (type, nullability, default or identity), constraints and indexes, read from the catalog.
 * A service's migrations create its outbox table; its {@code OutboxSchemaTest} asserts that
 * {@link #describe(Connection, String)} of its schema equals {@link #reference(Connection)}.
 */
public final class OutboxSchema {

    /** The class-path resource with the reference DDL (unqualified names: it runs in any schema). */
    public static final String REFERENCE = "io/tally/outbox/outbox.sql";

    private static final String TABLE = "outbox";

    /**
     * An outbox table as PostgreSQL's catalog has it, in a form that does not name its schema; each list sorted.
     *
     * @param columns {@code name type [not null] [identity by default|always] [default <expr>]}
     * @param constraints {@code name definition} (primary key, checks, not-null constraints of PostgreSQL 18)
     * @param indexes {@code CREATE [UNIQUE] INDEX name ON outbox USING … (…) [WHERE …]}
     */
    public record Table(List<String> columns, List<String> constraints, List<String> indexes) {

        /** Whether the schema has an outbox table at all. */
        public boolean exists() {
            return !columns.isEmpty();
        }
    }

    private OutboxSchema() {
    }

    /** The reference DDL. */
    public static String referenceDdl() {
        try (InputStream in = OutboxSchema.class.getClassLoader().getResourceAsStream(REFERENCE)) {
            if (in == null) {
                throw new IllegalStateException(REFERENCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The table the reference DDL creates: run in a scratch schema inside a transaction that is rolled back, so the
     * database keeps nothing.
     */
    public static Table reference(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        String scratch = "outbox_reference_" + UUID.randomUUID().toString().replace("-", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema " + scratch);
            statement.execute("set local search_path to " + scratch);
            statement.execute(referenceDdl());
            return describe(connection, scratch);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The outbox table of {@code schema} (empty lists when it has none). */
    public static Table describe(Connection connection, String schema) throws SQLException {
        List<String> columns = rows(connection, """
                select a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || case when a.attnotnull then ' not null' else '' end
                       || case a.attidentity when 'd' then ' identity by default' when 'a' then ' identity always'
                               else '' end
                       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped
                order by 1""", schema);
        List<String> constraints = rows(connection, """
                select k.conname || ' ' || pg_get_constraintdef(k.oid)
                from pg_constraint k
                join pg_class c on c.oid = k.conrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ?
                order by 1""", schema);
        List<String> indexes = rows(connection, """
                select pg_get_indexdef(x.indexrelid)
                from pg_index x
                join pg_class c on c.oid = x.indrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ?
                order by 1""", schema);
        return new Table(unqualified(columns, schema), unqualified(constraints, schema), unqualified(indexes, schema));
    }

    private static List<String> rows(Connection connection, String sql, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, schema);
            query.setString(2, TABLE);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }

    /** Without the schema's name where the catalog qualifies a table or sequence with it. */
    private static List<String> unqualified(List<String> rows, String schema) {
        return rows.stream().map(r -> r.replace(schema + ".", "").replace("\"" + schema + "\".", "")).sorted()
                .toList();
    }
}
