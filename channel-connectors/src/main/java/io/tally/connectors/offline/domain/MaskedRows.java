package io.tally.connectors.offline.domain;

import java.util.Set;

/**
 * The raw form of a rejected row as it is kept (reject report) and sent (dead letter): the row as one CSV line, with the
 * cells of personal columns (e-mail, phone) replaced by {@value #MASK}, so raw personal data is never stored or published.
 */
public final class MaskedRows {

    /** What a non-blank personal cell becomes. */
    public static final String MASK = "***";

    private MaskedRows() {
    }

    /** {@code row} as an RFC 4180 CSV line (no line break), personal cells masked. */
    public static String raw(CsvRow row, Set<Integer> personalIndexes) {
        StringBuilder line = new StringBuilder();
        String[] cells = row.cells();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells[i] == null ? "" : cells[i];
            line.append(personalIndexes.contains(i) && !cell.isBlank() ? MASK : quote(cell));
        }
        return line.toString();
    }

    /** A cell as CSV: quoted when it holds a comma, quote or line break, inner quotes doubled. */
    public static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
