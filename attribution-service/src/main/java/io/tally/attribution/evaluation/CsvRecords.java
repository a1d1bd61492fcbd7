package io.tally.attribution.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-written CSV tokenizer over UTF-8 bytes (RFC 4180: fields separated by commas, records by LF or CRLF,
 * double-quoted fields may hold commas, line breaks and doubled quotes) that reads one record at a time into a reused
 * byte buffer, without decoding it. Empty lines are skipped.
 */
final class CsvRecords {

    /** Thrown for text that is not CSV, e.g. a quote that is never closed. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] text = new byte[256];
    private int length;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int fields;
    private boolean quotedEmpty;

    CsvRecords(InputStream in) {
        this.in = in;
    }

    /** Reads the next non-empty record; false at the end of the input. */
    boolean next() throws IOException {
        while (readRecord()) {
            if (fields > 1 || ends[0] > starts[0] || quotedEmpty) {
                return true;
            }
        }
        return false;
    }

    /** The fields of the current record. */
    int fields() {
        return fields;
    }

    /** The UTF-8 bytes of the current record; field {@code f} is {@code text()[start(f), end(f))}. */
    byte[] text() {
        return text;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** Field {@code f} as a string (for the header). */
    String field(int field) {
        return new String(text, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    private boolean readRecord() throws IOException {
        if (position == limit && !fill()) {
            return false;
        }
        length = 0;
        fields = 0;
        quotedEmpty = false;
        int fieldStart = 0;
        while (true) {
            if (position == limit && !fill()) {
                endField(fieldStart);
                return true;
            }
            if (buffer[position] == '"' && length == fieldStart) {
                position++;
                readQuoted();
                quotedEmpty |= length == fieldStart;
                continue;
            }
            int p = position;
            byte b = 0;
            while (p < limit) {
                b = buffer[p];
                if (b == ',' || b == '\n' || b == '\r') {
                    break;
                }
                p++;
            }
            append(position, p);
            position = p;
            if (p == limit) {
                continue;
            }
            position++;
            endField(fieldStart);
            fieldStart = length;
            if (b == ',') {
                continue;
            }
            if (b == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
            return true;
        }
    }

    /** Reads a quoted field's content after its opening quote, up to and including the closing quote. */
    private void readQuoted() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                throw new MalformedCsvException("a quoted field is not closed");
            }
            byte b = buffer[position++];
            if (b == '"') {
                if ((position < limit || fill()) && buffer[position] == '"') {
                    position++;
                } else {
                    return;
                }
            }
            if (length == text.length) {
                text = Arrays.copyOf(text, length * 2);
            }
            text[length++] = b;
        }
    }

    private void endField(int fieldStart) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = fieldStart;
        ends[fields] = length;
        fields++;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (length + n > text.length) {
            text = Arrays.copyOf(text, Math.max(length + n, text.length * 2));
        }
        System.arraycopy(buffer, from, text, length, n);
        length += n;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        while (read == 0) {
            read = in.read(buffer);
        }
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
