package io.tally.connectors.costs.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.connectors.costs.service.ImportTally;

/** What a cost import did: every row is published, already imported, or rejected to tally.rejects. */
@Schema(name = "AdCostImportReport", description = "The outcome of a cost import; rows = accepted + deduplicated + rejected")
public record ImportReport(
        @Schema(description = "Rows read (insights rows, CSV rows after the header row without an export's summary rows, or the lines of a JSON array)", examples = "5") int rows,
        @Schema(description = "Costs published now", examples = "4") int accepted,
        @Schema(description = "Rows identical to a cost imported before, not published again", examples = "0") int deduplicated,
        @Schema(description = "Rows sent to tally.rejects as dead letters", examples = "1") int rejected,
        @Schema(description = "Each bad field of the rejected rows, in input order (at most max-reported-rejects)") List<Reject> rejects,
        @Schema(description = "True when more bad fields were found than are listed", examples = "false") boolean rejectsTruncated) {

    /** One bad field of a rejected row. */
    @Schema(name = "AdCostImportReject")
    public record Reject(
            @Schema(description = "The row's number: 1 is the first element of data, or the first CSV row after the header row (blank lines are not counted)", examples = "3") int row,
            @Schema(description = "The field: its Graph API name, or the mapped field of a CSV column; empty for the whole row", examples = "spend") String field,
            @Schema(description = "CSV imports: the column header as the file names it", examples = "Total Spent") String column,
            @Schema(examples = "must not be negative") String reason,
            @Schema(description = "The id of the row's dead letter on tally.rejects", examples = "reject:5b0e8d6c-0f7e-3a4b-9f62-2f7d1c9a8e41") String rejectId) {
    }

    static ImportReport of(ImportTally tally) {
        return new ImportReport(tally.rows(), tally.accepted(), tally.deduplicated(), tally.rejected(),
                tally.rejects().stream()
                        .map(r -> new Reject(r.row(), r.field(), r.column(), r.reason(), r.rejectId())).toList(),
                tally.truncated());
    }
}
