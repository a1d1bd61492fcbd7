package io.tally.attribution.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report that can be written as a spreadsheet-friendly CSV (by {@code rest/CsvTableWriter} for
 * {@code Accept: text/csv}): one header row, then one line per row; ISO dates, decimal points, no thousands
 * separators. The methods are not named like getters so the JSON form of a report does not carry them.
 */
public interface CsvTable {

    /** The header row's column names. */
    List<String> csvHeader();

    /** Every row's cells, as strings (null for an empty cell), in header order. */
    List<List<String>> csvRows();

    /** The file name offered in {@code Content-Disposition}, e.g. {@code attribution-summary_2026-11.csv}. */
    String csvFilename();

    /** A decimal cell: plain notation (no exponent, no grouping), or empty for null. */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /**
     * A free-text cell (a name users typed) made safe for spreadsheets: one that would start a formula
     * ({@code = + - @}, tab, carriage return) is prefixed with an apostrophe, so it is shown, not evaluated.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
