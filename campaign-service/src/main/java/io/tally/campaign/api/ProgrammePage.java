package io.tally.campaign.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of programmes, oldest first. */
@Schema(name = "ProgrammePage", description = "One page of programmes, sorted by creation time")
public record ProgrammePage(
        List<ProgrammeResponse> items,
        @Schema(description = "Zero-based page index", examples = "0") int page,
        @Schema(description = "Page size actually used (requests above the maximum are capped)", examples = "50") int size,
        @Schema(description = "Number of programmes in all pages", examples = "1") long totalItems) {
}
