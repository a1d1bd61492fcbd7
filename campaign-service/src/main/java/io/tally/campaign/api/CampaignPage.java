package io.tally.campaign.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a programme's campaigns. */
@Schema(name = "CampaignPage", description = "One page of campaigns, sorted as asked (creation time by default)")
public record CampaignPage(
        List<CampaignResponse> items,
        @Schema(description = "Zero-based page index", examples = "0") int page,
        @Schema(description = "Page size actually used (requests above the maximum are capped)", examples = "50") int size,
        @Schema(description = "Number of campaigns in all pages", examples = "1") long totalItems) {
}
