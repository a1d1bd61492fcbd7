package io.tally.outbox.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;

/**
 * {@link BinaryCopy} on the real PostgreSQL: what is copied reads back as the values sent, for every type it writes,
 * NULLs, text beyond ASCII, a text longer than its buffer, instants before PostgreSQL's epoch and to the microsecond,
 * and more rows than fit one buffer; a row with the wrong number of values is refused and the copy cancelled.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class BinaryCopyTest {

    private record Row(long id, String label, String code, Instant at, UUID ref, Long amount) {
    }

    @Inject
    DataSource dataSource;

    @Test
    void rowsReadBackAsTheValuesSent() throws SQLException {
        String longText = "x".repeat(70_000) + "é";
        List<Row> sent = new ArrayList<>(List.of(
                new Row(1, "plain", "EUR", Instant.parse("2026-12-07T10:15:30.123456Z"), UUID.randomUUID(), 1234L),
                new Row(2, null, "JPY", Instant.parse("1999-12-31T23:59:59.999999Z"), null, null),
                new Row(3, "grüße 🎉 ünïcødé", "CHF", Instant.parse("1970-01-01T00:00:00Z"),
                        new UUID(-1L, Long.MIN_VALUE), Long.MIN_VALUE),
                new Row(4, longText, "USD", Instant.parse("2000-01-01T00:00:00.000001Z"), new UUID(0, 1),
                        Long.MAX_VALUE)));
        for (int i = 5; i < 5_000; i++) { // about 300 KiB: several buffers
            sent.add(new Row(i, "row " + i, "GBP", Instant.ofEpochSecond(1_700_000_000L + i, i * 1_000L),
                    UUID.randomUUID(), (long) -i));
        }

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE copied (id bigint, label text, code char(3), at timestamptz,"
                        + " ref uuid, amount bigint, filled text DEFAULT 'default') ON COMMIT DROP");
            }
            long copied;
            try (BinaryCopy copy = BinaryCopy.into(connection, "copied", "id", "label", "code", "at", "ref",
                    "amount")) {
                for (Row r : sent) {
                    copy.row().bigint(r.id()).text(r.label()).text(r.code()).timestamptz(r.at()).uuid(r.ref());
                    if (r.amount() == null) {
                        copy.nul();
                    } else {
                        copy.bigint(r.amount());
                    }
                }
                copied = copy.finish();
            }

            assertThat(copied).isEqualTo(sent.size());
            List<Row> read = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet rs = query.executeQuery("SELECT id, label, code, at, ref, amount, filled FROM copied"
                            + " ORDER BY id")) {
                while (rs.next()) {
                    assertThat(rs.getString("filled")).isEqualTo("default");
                    long amount = rs.getLong("amount");
                    read.add(new Row(rs.getLong("id"), rs.getString("label"), rs.getString("code"),
                            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getObject("ref", UUID.class),
                            rs.wasNull() ? null : amount));
                }
            }
            assertThat(read).containsExactlyElementsOf(sent);
            connection.rollback();
        }
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefusedAndNothingIsCopied() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true); // each copy its own transaction
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE copied_short (id bigint, label text)");
            }
            assertThatThrownBy(() -> {
                try (BinaryCopy copy = BinaryCopy.into(connection, "copied_short", "id", "label")) {
                    copy.row().bigint(1).text("one");
                    copy.row().bigint(2); // one value short
                    copy.finish();
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 values for 2 columns");
            assertThatThrownBy(() -> {
                try (BinaryCopy copy = BinaryCopy.into(connection, "copied_short", "id", "label")) {
                    copy.row().bigint(1).text("one").text("three");
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("more values than its 2 columns");

            try (Statement query = connection.createStatement();
                    ResultSet rs = query.executeQuery("SELECT count(*) FROM copied_short")) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows of the cancelled copies").isZero();
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE copied_short");
            }
        }
    }
}
