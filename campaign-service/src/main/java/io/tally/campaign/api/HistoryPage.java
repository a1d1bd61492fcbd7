package io.tally.campaign.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a resource's audit trail, newest first. */
@Schema(name = "HistoryPage", description = "One page of a resource's changes, newest first")
public record HistoryPage(
        List<HistoryEntry> items,
        @Schema(description = "Zero-based page index", examples = "0") int page,
        @Schema(description = "Page size actually used", examples = "50") int size,
        @Schema(description = "Number of entries in all pages", examples = "2") long totalItems) {
}
