package io.tally.connectors.offline.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the rejected-rows report. */
@Schema(name = "RejectedRow", description = "One reason one row was rejected (a row with two bad cells has two lines)")
public record RejectedRowResponse(
        @Schema(description = "Row number: 1 is the first data row after the header", examples = "3") long row,
        @Schema(description = "The column header as in the file; identifiers when the row has no identifier", examples = "Amount") String column,
        @Schema(examples = "must not be negative") String reason,
        @Schema(description = "The row as a CSV line, e-mail and phone cells masked as ***", examples = "R-1003,2026-11-22 10:02:11,-5.00,EUR,,***,") String raw) {
}
