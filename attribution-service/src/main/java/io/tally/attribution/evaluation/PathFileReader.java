package io.tally.attribution.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.tally.attribution.models.datadriven.ChannelDictionary;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * Reads path statistics in the widely used layout {@code path,total_conversions,total_conversion_value,total_null}
 * (header names matched case-insensitively and trimmed) as a stream, handing each row to a {@link RowHandler} without
 * keeping it. A path is channel names joined by {@code >}; spaces around names are trimmed; an empty path is a journey
 * without touches; channel names become small ids of a {@link ChannelDictionary}. Counts may be fractional; a blank
 * count is 0.
 */
final class PathFileReader {

    static final List<String> COLUMNS = List.of("path", "total_conversions", "total_conversion_value", "total_null");
    /** How many bad rows one problem lists before it stops counting. */
    static final int MAX_REPORTED = 100;

    /** Receives each good row; the touches array is reused, so a handler must not keep it. */
    @FunctionalInterface
    interface RowHandler {
        void row(int[] touches, int length, BigDecimal conversions, BigDecimal value, BigDecimal nulls);
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** {@code >} in each of eight bytes. */
    private static final long SEPARATORS = 0x3E3E3E3E3E3E3E3EL;

    private final CsvRecords csv;
    private final ChannelDictionary channels;
    private final List<Violation> errors = new ArrayList<>();
    private final int[] column = new int[COLUMNS.size()];
    private int[] touches = new int[64];

    private PathFileReader(InputStream body, ChannelDictionary channels) {
        this.csv = new CsvRecords(body);
        this.channels = channels;
    }

    /** @throws ProblemException 400 naming each bad row and column (up to {@value #MAX_REPORTED}) */
    static void read(InputStream body, ChannelDictionary channels, RowHandler handler) {
        new PathFileReader(body, channels).readAll(handler);
    }

    private void readAll(RowHandler handler) {
        try {
            if (!csv.next()) {
                return;
            }
            header();
            int row = 0;
            while (errors.size() < MAX_REPORTED && csv.next()) {
                row++;
                parse(row, handler);
            }
        } catch (CsvRecords.MalformedCsvException e) {
            throw ProblemException.invalid("body", "is not a readable CSV file: " + e.getMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not a readable CSV file: " + e.getClass().getSimpleName());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void header() {
        Arrays.fill(column, -1);
        for (int f = 0; f < csv.fields(); f++) {
            int c = COLUMNS.indexOf(csv.field(f).trim().toLowerCase(Locale.ROOT));
            if (c >= 0 && column[c] < 0) {
                column[c] = f;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (column[c] < 0) {
                missing.add(COLUMNS.get(c));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "missing column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(",", COLUMNS));
        }
    }

    private void parse(int row, RowHandler handler) {
        int length = path(row);
        BigDecimal conversions = number(1, row);
        BigDecimal value = number(2, row);
        BigDecimal nulls = number(3, row);
        if (length >= 0 && conversions != null && value != null && nulls != null) {
            handler.row(touches, length, conversions, value, nulls);
        }
    }

    /** Numbers the path's channels into {@code touches}; returns how many, or -1 after reporting an error. */
    private int path(int row) {
        int f = column[0];
        byte[] text = csv.text();
        int from = f < csv.fields() ? csv.start(f) : 0;
        int to = f < csv.fields() ? csv.end(f) : 0;
        int i = skipSpace(text, from, to);
        if (i == to) {
            return 0;
        }
        int length = 0;
        while (true) {
            int separator = separator(text, i, to);
            int start = skipSpace(text, i, separator);
            int end = separator;
            while (end > start && isSpace(text[end - 1])) {
                end--;
            }
            if (start == end) {
                errors.add(new Violation("row " + row + ".path", "has an empty channel name between '>'"));
                return -1;
            }
            if (length == touches.length) {
                touches = Arrays.copyOf(touches, length * 2);
            }
            touches[length++] = channels.id(text, start, end);
            if (separator == to) {
                return length;
            }
            i = separator + 1;
        }
    }

    /**
     * The position of the first {@code >} in {@code text[from, to)}, or {@code to}; eight bytes at a time (a byte equal
     * to {@code >} becomes zero after the XOR, and the classic zero-byte test finds the lowest one exactly). UTF-8
     * continuation bytes are never {@code >}, so names in any script are safe.
     */
    private static int separator(byte[] text, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to) {
            long x = (long) WORDS.get(text, i) ^ SEPARATORS;
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < to && text[i] != '>') {
            i++;
        }
        return i;
    }

    private BigDecimal number(int c, int row) {
        int f = column[c];
        if (f >= csv.fields()) {
            return BigDecimal.ZERO;
        }
        byte[] text = csv.text();
        int from = skipSpace(text, csv.start(f), csv.end(f));
        int to = csv.end(f);
        while (to > from && isSpace(text[to - 1])) {
            to--;
        }
        if (from == to) {
            return BigDecimal.ZERO;
        }
        BigDecimal number = digitsOnly(text, from, to);
        if (number == null) {
            try {
                number = new BigDecimal(new String(text, from, to - from, StandardCharsets.UTF_8));
            } catch (NumberFormatException e) {
                errors.add(new Violation("row " + row + "." + COLUMNS.get(c), "must be a number"));
                return null;
            }
        }
        if (number.signum() < 0) {
            errors.add(new Violation("row " + row + "." + COLUMNS.get(c), "must not be negative"));
            return null;
        }
        return number;
    }

    /**
     * The common cases without the general parser: digits with at most one decimal point inside, up to 18 digits
     * ({@code 12}, {@code 129.90}); null otherwise.
     */
    private static BigDecimal digitsOnly(byte[] text, int from, int to) {
        long unscaled = 0;
        int digits = 0;
        int point = -1;
        for (int i = from; i < to; i++) {
            byte ch = text[i];
            if (ch >= '0' && ch <= '9') {
                unscaled = unscaled * 10 + (ch - '0');
                digits++;
            } else if (ch == '.' && point < 0 && i > from && i < to - 1) {
                point = i;
            } else {
                return null;
            }
        }
        if (digits > 18) {
            return null;
        }
        return BigDecimal.valueOf(unscaled, point < 0 ? 0 : to - point - 1);
    }

    private static int skipSpace(byte[] text, int from, int to) {
        while (from < to && isSpace(text[from])) {
            from++;
        }
        return from;
    }

    /** An ASCII control or space (as {@link String#trim()}); bytes of multi-byte UTF-8 characters are negative. */
    private static boolean isSpace(byte b) {
        return b >= 0 && b <= ' ';
    }
}
