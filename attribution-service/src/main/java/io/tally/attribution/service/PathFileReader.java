package io.tally.attribution.service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.tally.attribution.domain.datadriven.ChannelDictionary;
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
        from = skipSpace(text, from, to);
        if (from == to) {
            return 0;
        }
        int length = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text[i] == '>') {
                int a = skipSpace(text, start, i);
                int b = i;
                while (b > a && isSpace(text[b - 1])) {
                    b--;
                }
                if (a == b) {
                    errors.add(new Violation("row " + row + ".path", "has an empty channel name between '>'"));
                    return -1;
                }
                if (length == touches.length) {
                    touches = Arrays.copyOf(touches, length * 2);
                }
                touches[length++] = channels.id(text, a, b);
                start = i + 1;
            }
        }
        return length;
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

    /** The common case, a plain integer of up to 18 digits, without the general parser; null otherwise. */
    private static BigDecimal digitsOnly(byte[] text, int from, int to) {
        if (to - from > 18) {
            return null;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            byte ch = text[i];
            if (ch < '0' || ch > '9') {
                return null;
            }
            value = value * 10 + (ch - '0');
        }
        return BigDecimal.valueOf(value);
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
