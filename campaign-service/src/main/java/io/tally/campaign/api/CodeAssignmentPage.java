package io.tally.campaign.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of tracking-code spans, by code and start. */
@Schema(name = "CodeAssignmentPage", description = "One page of tracking codes with their spans, by code and start")
public record CodeAssignmentPage(
        List<CodeAssignment> items,
        @Schema(description = "Zero-based page index", examples = "0") int page,
        @Schema(description = "Page size actually used (requests above the maximum are capped)", examples = "50") int size,
        @Schema(description = "Number of spans in all pages", examples = "1") long totalItems) {
}
