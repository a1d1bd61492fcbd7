package io.tally.connectors.offline.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.validation.Violation;

/**
 * The mapped columns of one upload's header row: where each field's cell is.
 *
 * @param header the header row as read
 * @param indexes field name → cell index, for the fields whose column is present
 */
public record Columns(ImportKind kind, String[] header, Map<String, Integer> indexes) {

    public Columns {
        indexes = Map.copyOf(indexes);
    }

    /**
     * Finds every column of {@code mapping} in the header row of an upload of {@code kind}.
     *
     * @param violations where each problem is reported ({@link ColumnMapping#resolve}); the columns are incomplete then
     */
    public static Columns of(ImportKind kind, ColumnMapping<ImportField> mapping, String[] header,
            List<Violation> violations) {
        Map<String, Integer> indexes = new LinkedHashMap<>();
        mapping.resolve(List.of(header), violations).forEach((field, index) -> indexes.put(field.name(), index));
        return new Columns(kind, header, indexes);
    }

    /** The trimmed cell of {@code field} in {@code row}; null when the column is absent or the cell blank. */
    public String cell(CsvRow row, String field) {
        Integer index = indexes.get(field);
        if (index == null || index >= row.cells().length || row.cells()[index] == null) {
            return null;
        }
        String value = row.cells()[index].strip();
        return value.isEmpty() ? null : value;
    }

    /** The header of {@code field}'s column as it appears in the file (the name violations report). */
    public String headerOf(String field) {
        Integer index = indexes.get(field);
        return index == null ? field : header[index].strip().replace("\uFEFF", "");
    }

    /** Indexes of the columns holding raw personal data (e-mail, phone), masked wherever a row is kept. */
    public Set<Integer> personalIndexes() {
        return kind.fields().stream().filter(ImportField::personal).map(f -> indexes.get(f.name()))
                .filter(i -> i != null).collect(Collectors.toUnmodifiableSet());
    }
}
