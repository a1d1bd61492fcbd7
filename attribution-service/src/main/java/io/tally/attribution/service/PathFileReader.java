package io.tally.attribution.service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.tally.attribution.domain.datadriven.PathStat;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * Reads path statistics in the widely used layout {@code path,total_conversions,total_conversion_value,total_null}
 * (header names matched case-insensitively), parsing the body as a stream. A path is channel names joined by {@code >};
 * spaces around names are trimmed; an empty path is a journey without touches. Counts may be fractional.
 */
final class PathFileReader {

    static final List<String> COLUMNS = List.of("path", "total_conversions", "total_conversion_value", "total_null");
    /** How many bad rows one problem lists before it stops counting. */
    static final int MAX_REPORTED = 100;

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private PathFileReader() {
    }

    /** @throws ProblemException 400 naming each bad row and column (up to {@value #MAX_REPORTED}) */
    static List<PathStat> read(InputStream body) {
        List<PathStat> rows = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            boolean headerChecked = false;
            Map<String, String> names = new java.util.HashMap<>(); // one String per channel name, not one per touch
            int line = 1;
            while (it.hasNextValue()) {
                Map<String, String> raw = it.nextValue();
                line++;
                Map<String, String> row = lowerCaseKeys(raw);
                if (!headerChecked) {
                    List<String> missing = COLUMNS.stream().filter(c -> !row.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        throw ProblemException.invalid("header", "missing column(s) " + String.join(", ", missing)
                                + "; expected " + String.join(",", COLUMNS));
                    }
                    headerChecked = true;
                }
                PathStat stat = parse(row, "row " + (line - 1), errors, names);
                if (stat != null) {
                    rows.add(stat);
                }
                if (errors.size() >= MAX_REPORTED) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalid("body", "is not a readable CSV file: " + e.getClass().getSimpleName());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return rows;
    }

    private static PathStat parse(Map<String, String> row, String where, List<Violation> errors,
            Map<String, String> names) {
        String path = row.getOrDefault("path", "");
        List<String> channels = path.isBlank()
                ? List.of()
                : Arrays.stream(path.split(">")).map(String::trim).map(n -> names.computeIfAbsent(n, k -> k))
                        .toList();
        if (channels.stream().anyMatch(String::isEmpty)) {
            errors.add(new Violation(where + ".path", "has an empty channel name between '>'"));
            return null;
        }
        BigDecimal conversions = number(row, "total_conversions", where, errors);
        BigDecimal value = number(row, "total_conversion_value", where, errors);
        BigDecimal nulls = number(row, "total_null", where, errors);
        if (conversions == null || value == null || nulls == null) {
            return null;
        }
        return new PathStat(channels, conversions, value, nulls);
    }

    private static BigDecimal number(Map<String, String> row, String column, String where, List<Violation> errors) {
        String text = row.get(column);
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal number = new BigDecimal(text.trim());
            if (number.signum() < 0) {
                errors.add(new Violation(where + "." + column, "must not be negative"));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new Violation(where + "." + column, "must be a number"));
            return null;
        }
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> raw) {
        Map<String, String> row = new java.util.HashMap<>();
        raw.forEach((k, v) -> row.put(k.trim().toLowerCase(Locale.ROOT), v));
        return row;
    }
}
