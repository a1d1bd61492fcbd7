package io.tally.connectors.costs.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * A cost CSV file read as a stream, one row at a time (blank lines skipped): its header row is found among the leading
 * rows, then the data rows are handed to a {@link ChunkedImport}. Shared by the ad-platform exports and the generic
 * cost import.
 */
final class CostCsvFile implements AutoCloseable {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final TypeReference<List<String>> ROW = new TypeReference<>() {
    };

    private final Reader reader;
    private final MappingIterator<List<String>> rows;

    private CostCsvFile(Reader reader, MappingIterator<List<String>> rows) {
        this.reader = reader;
        this.rows = rows;
    }

    /** @throws JsonProcessingException when the file does not start as CSV */
    static CostCsvFile open(InputStream body, Charset charset) throws IOException {
        Reader reader = new InputStreamReader(body, charset);
        return new CostCsvFile(reader, CSV.readerFor(ROW).with(CsvSchema.emptySchema()).readValues(reader));
    }

    /**
     * The header row: the first of the leading {@code searchRows} rows that holds every column the file must have
     * ({@link ColumnMapping#holdsNeeded}; exports may start with a report title and date range), else the leading row
     * that holds the most mapped headers, against which the missing ones are reported.
     *
     * @throws ProblemException 400 for an empty file
     */
    List<String> header(ColumnMapping<?> mapping, int searchRows) throws IOException {
        List<String> best = null;
        int bestMatches = -1;
        for (int i = 0; i < searchRows && rows.hasNextValue(); i++) {
            List<String> row = rows.nextValue();
            if (mapping.holdsNeeded(row)) {
                return row;
            }
            int matches = mapping.matches(row);
            if (matches > bestMatches) {
                best = row;
                bestMatches = matches;
            }
        }
        if (best == null) {
            throw ProblemException.invalid("", "the file is empty: a header row and data rows are expected");
        }
        return best;
    }

    /**
     * Hands every data row after the header to {@code chunks} (but those {@code skip} says are not data), then ingests
     * the last chunk.
     *
     * @throws ProblemException 400 when the file stops being valid CSV (the rows before are imported), 503 when Kafka
     *         stayed unavailable
     */
    void importRows(ChunkedImport<List<String>> chunks, Predicate<List<String>> skip) throws IOException {
        try {
            while (rows.hasNextValue()) {
                List<String> row = rows.nextValue();
                if (!skip.test(row)) {
                    chunks.add(row);
                }
            }
        } catch (JsonProcessingException e) {
            chunks.flush();
            throw malformed(e, chunks.tally());
        }
        chunks.flush();
    }

    /** A row as the dead letter's raw payload: the cells re-encoded as one CSV line. */
    static String csvLine(List<String> cells) {
        try {
            return CSV.writerFor(ROW).with(CsvSchema.emptySchema().withoutHeader()).writeValueAsString(cells).strip();
        } catch (JsonProcessingException e) {
            return String.join(",", cells);
        }
    }

    /** 400 for a file that is not valid CSV from some line on, saying what was imported before it. */
    static ProblemException malformed(JsonProcessingException e, ImportTally tally) {
        String reason = "malformed CSV"
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                + ": " + e.getOriginalMessage();
        return new ProblemException(400, "validation", "Invalid request", reason + ". " + tally.progress(),
                List.of(new Violation("", reason)), null);
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            reader.close();
        }
    }
}
