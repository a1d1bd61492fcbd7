package io.tally.connectors.offline.service;

/**
 * One line of a rejected-rows report: one violation of one row.
 *
 * @param row 1 = the first data row after the header
 * @param column the column header as in the file ({@code identifiers} when no identifier was given, empty for the row)
 * @param raw the row as a CSV line, e-mail and phone cells masked
 */
public record RejectedRow(long row, int ordinal, String column, String reason, String raw) {
}
