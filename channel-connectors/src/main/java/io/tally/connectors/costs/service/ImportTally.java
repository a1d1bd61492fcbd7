package io.tally.connectors.costs.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.tally.connectors.pipeline.Ingested;
import io.tally.events.validation.Violation;

/** What a bulk import did so far: rows read, published, deduplicated and rejected, and the first rejects in detail. */
public final class ImportTally {

    /**
     * One bad field of a rejected row.
     *
     * @param row the row's number: 1 is the first row (of {@code data}, or after the CSV header row)
     * @param field the field (Graph API name, or the mapped field of a CSV column); empty for the row as a whole
     * @param column the CSV column header, for CSV imports
     * @param rejectId the id of the row's dead letter on tally.rejects
     */
    public record RejectedRow(int row, String field, String column, String reason, String rejectId) {
    }

    private final int maxReported;
    private final UnaryOperator<String> fieldOfColumn;
    private final boolean csv;
    private final List<RejectedRow> rejects = new ArrayList<>();
    private int rows;
    private int accepted;
    private int deduplicated;
    private int rejected;
    private boolean truncated;

    /**
     * @param fieldOfColumn for CSV imports, the mapped field of a column header (violations name columns); null for
     *        JSON imports, whose violations name fields
     */
    ImportTally(int maxReported, UnaryOperator<String> fieldOfColumn) {
        this.maxReported = maxReported;
        this.fieldOfColumn = fieldOfColumn;
        this.csv = fieldOfColumn != null;
    }

    /** Counts a chunk that the pipeline ingested; {@code firstRow} is the number of the chunk's first row. */
    void add(Ingested ingested, int chunkSize, int firstRow) {
        rows += chunkSize;
        accepted += ingested.published().size();
        deduplicated += ingested.duplicates().size();
        rejected += ingested.rejected().size();
        for (Ingested.Rejected r : ingested.rejected()) {
            for (Violation v : r.reject().violations()) {
                if (rejects.size() >= maxReported) {
                    truncated = true;
                    break;
                }
                String column = csv && !v.field().isEmpty() ? v.field() : null;
                String field = column == null ? v.field() : fieldOfColumn.apply(column);
                rejects.add(new RejectedRow(firstRow + r.index(), field, column, v.reason(), r.reject().eventId()));
            }
        }
    }

    /** A sentence for a problem that stops an import half way: what was done before it. */
    String progress() {
        return rows == 0
                ? "No row was imported."
                : "The first " + rows + " rows were processed (" + accepted + " published, " + deduplicated
                        + " already imported, " + rejected + " rejected); rows already imported are not published "
                        + "twice when the input is imported again.";
    }

    public int rows() {
        return rows;
    }

    public int accepted() {
        return accepted;
    }

    public int deduplicated() {
        return deduplicated;
    }

    public int rejected() {
        return rejected;
    }

    /** The rejected rows' bad fields, at most {@code max-reported-rejects} of them. */
    public List<RejectedRow> rejects() {
        return List.copyOf(rejects);
    }

    /** Whether more bad fields were found than are listed in {@link #rejects()}. */
    public boolean truncated() {
        return truncated;
    }
}
