package io.tally.outbox.sql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a table with PostgreSQL's binary {@code COPY … FROM STDIN}: no SQL to parse, no text to convert,
 * no array of the whole batch in memory. Values go into a 64 KiB buffer that is sent whenever it fills, so a batch of
 * any size takes constant memory. Write each row as {@link #row()} and then one value per column, in the order the
 * columns were named; {@link #finish()} ends the copy. A copy not finished is cancelled on {@link #close()}.
 * <p>
 * The format (PostgreSQL documentation, "COPY", binary format): a signature, flags and header extension length; per
 * row the field count as int16 and each field as its int32 length (-1 for NULL) and its binary value; an int16 -1 at
 * the end. Values: text as UTF-8, bigint as int64, timestamptz as int64 microseconds since 2000-01-01T00:00Z, uuid as
 * its 16 bytes.
 */
public final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in Unix seconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final int BUFFER = 64 * 1024;

    private final CopyIn copy;
    private final int columns;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int fieldsInRow = -1;
    private long rows;
    private boolean finished;

    private BinaryCopy(CopyIn copy, int columns) {
        this.copy = copy;
        this.columns = columns;
    }

    /**
     * Starts copying into {@code table}'s {@code columns} (the others take their defaults) on the connection, in its
     * current transaction.
     */
    public static BinaryCopy into(Connection connection, String table, String... columns) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        BinaryCopy writer = new BinaryCopy(copy, columns.length);
        writer.put(SIGNATURE, 0, SIGNATURE.length);
        writer.int32(0); // flags
        writer.int32(0); // header extension length
        return writer;
    }

    /** Starts the next row. */
    public BinaryCopy row() throws SQLException {
        checkRowComplete();
        ensure(2);
        int16(columns);
        fieldsInRow = 0;
        rows++;
        return this;
    }

    /** A text (or char) value; null for NULL. */
    public BinaryCopy text(String value) throws SQLException {
        if (value == null) {
            return nul();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        field(bytes.length);
        put(bytes, 0, bytes.length);
        return this;
    }

    /** A bigint value. */
    public BinaryCopy bigint(long value) throws SQLException {
        field(8);
        int64(value);
        return this;
    }

    /** A timestamptz value (to the microsecond, as PostgreSQL keeps it); null for NULL. */
    public BinaryCopy timestamptz(Instant value) throws SQLException {
        if (value == null) {
            return nul();
        }
        field(8);
        int64(Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1_000));
        return this;
    }

    /** A uuid value; null for NULL. */
    public BinaryCopy uuid(UUID value) throws SQLException {
        if (value == null) {
            return nul();
        }
        field(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    /** NULL. */
    public BinaryCopy nul() throws SQLException {
        field(-1);
        return this;
    }

    /**
     * Ends the copy; the rows are then part of the transaction.
     *
     * @return the rows copied
     */
    public long finish() throws SQLException {
        checkRowComplete();
        ensure(2);
        int16(-1);
        flush();
        finished = true;
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new SQLException("COPY stored " + copied + " rows of " + rows);
        }
        return copied;
    }

    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void checkRowComplete() {
        if (fieldsInRow >= 0 && fieldsInRow != columns) {
            throw new IllegalStateException("row " + rows + " has " + fieldsInRow + " values for " + columns
                    + " columns");
        }
    }

    private void field(int length) throws SQLException {
        if (fieldsInRow < 0) {
            throw new IllegalStateException("a value before the first row()");
        }
        if (++fieldsInRow > columns) {
            throw new IllegalStateException("row " + rows + " has more values than its " + columns + " columns");
        }
        ensure(4);
        int32(length);
    }

    private void put(byte[] bytes, int offset, int length) throws SQLException {
        if (length > BUFFER - position) {
            flush();
            if (length > BUFFER) {
                copy.writeToCopy(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    private void ensure(int length) throws SQLException {
        if (length > BUFFER - position) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copy.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }

    private void int16(int value) {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void int32(int value) throws SQLException {
        ensure(4);
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void int64(long value) throws SQLException {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (value >>> shift);
        }
    }
}
