package io.tally.connectors.offline.domain;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * RFC 4180 CSV as uploads use it: comma-separated, cells optionally in double quotes (quotes doubled inside, line breaks
 * allowed), UTF-8 with or without byte-order mark, blank lines skipped.
 */
public final class CsvFiles {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvFiles() {
    }

    /** The cells of a header row; an empty array for a blank one. */
    public static String[] header(String line) throws IOException {
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        try (MappingIterator<String[]> rows = reader(new StringReader(text))) {
            return rows.hasNext() ? rows.next() : new String[0];
        }
    }

    /**
     * The data rows of a whole file (its first row, the header, skipped), numbered from 1, read lazily.
     *
     * @throws UncheckedIOException from {@code next()} when the file is not valid CSV from that point on
     */
    public static RowIterator rows(Reader file) throws IOException {
        MappingIterator<String[]> rows = reader(file);
        if (rows.hasNextValue()) {
            rows.nextValue();
        }
        return new RowIterator(rows);
    }

    private static MappingIterator<String[]> reader(Reader in) throws IOException {
        return MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(in);
    }

    /** Data rows, numbered from 1; closing it closes the file. */
    public static final class RowIterator implements Iterator<CsvRow>, AutoCloseable {
        private final MappingIterator<String[]> rows;
        private long number;

        RowIterator(MappingIterator<String[]> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNextValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public CsvRow next() {
            try {
                if (!rows.hasNextValue()) {
                    throw new NoSuchElementException();
                }
                return new CsvRow(++number, rows.nextValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** How many data rows were read so far. */
        public long read() {
            return number;
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
