package io.tally.connectors.offline.domain;

/**
 * One data row of an uploaded CSV.
 *
 * @param number the row's number: 1 is the first data row after the header (blank lines are not counted)
 * @param cells the row's cells, as read (not trimmed)
 */
public record CsvRow(long number, String[] cells) {
}
