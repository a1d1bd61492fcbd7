package io.tally.connectors.costs.domain;

import java.util.List;
import java.util.Map;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.validation.Violations;

/**
 * Reads a data row of a generic cost file into a {@link CostLine} through a resolved {@link ColumnMapping}; each bad
 * cell is reported under its column header, as the file names it. Missing trailing cells count as empty; a row with
 * more filled cells than the header row is rejected as a whole.
 */
public final class CostCsvReader {

    private final ColumnMapping<CostField> mapping;
    private final Map<CostField, Integer> positions;
    private final int width;

    /**
     * @param positions each mapped field's column index ({@link ColumnMapping#resolve})
     * @param width the number of columns of the header row
     */
    public CostCsvReader(ColumnMapping<CostField> mapping, Map<CostField, Integer> positions, int width) {
        this.mapping = mapping;
        this.positions = Map.copyOf(positions);
        this.width = width;
    }

    /** The row's line, or null when a cell is bad (each is added to {@code violations}). */
    public CostLine read(List<String> row, Violations violations) {
        for (int i = width; i < row.size(); i++) {
            if (row.get(i) != null && !row.get(i).isBlank()) {
                violations.add("", "the row has " + row.size() + " cells, the header row " + width);
                return null;
            }
        }
        return CostLineReader.read(field -> cell(row, field), mapping::header, violations);
    }

    private String cell(List<String> row, CostField field) {
        Integer index = positions.get(field);
        return index == null || index >= row.size() ? null : row.get(index);
    }
}
