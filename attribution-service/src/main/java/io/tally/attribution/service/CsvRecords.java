package io.tally.attribution.service;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A hand-written CSV tokenizer (RFC 4180: fields separated by commas, records by LF or CRLF, double-quoted fields may
 * hold commas, line breaks and doubled quotes) that reads one record at a time into a reused character buffer. Empty
 * lines are skipped.
 */
final class CsvRecords {

    /** Thrown for text that is not CSV, e.g. a quote that is never closed. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private char[] text = new char[256];
    private int length;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int fields;

    CsvRecords(Reader in) {
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

    /** The characters of the current record; field {@code f} is {@code text()[start(f), end(f))}. */
    char[] text() {
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
        return new String(text, starts[field], ends[field] - starts[field]);
    }

    private boolean quotedEmpty;

    private boolean readRecord() throws IOException {
        int c = read();
        if (c < 0) {
            return false;
        }
        length = 0;
        fields = 0;
        quotedEmpty = false;
        int fieldStart = 0;
        while (true) {
            if (c == '"' && length == fieldStart) {
                c = readQuoted();
                quotedEmpty |= length == fieldStart;
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r' || c < 0) {
                endField(fieldStart);
                fieldStart = length;
                if (c == ',') {
                    c = read();
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                return true;
            }
            append((char) c);
            c = read();
        }
    }

    /** Reads a quoted field's content after its opening quote; returns the character after the closing quote. */
    private int readQuoted() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                throw new MalformedCsvException("a quoted field is not closed");
            }
            if (c == '"') {
                c = read();
                if (c != '"') {
                    return c;
                }
            }
            append((char) c);
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

    private void append(char c) {
        if (length == text.length) {
            text = Arrays.copyOf(text, length * 2);
        }
        text[length++] = c;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
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
