package io.tally.campaign.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One span of a tracking code: which campaign it points at, and when. */
@Schema(name = "CodeAssignment", description = "A tracking code pointing at a campaign in a span of time")
public record CodeAssignment(
        @Schema(examples = "bf-2026") String code,
        @Schema(examples = "coupon") String type,
        @Schema(description = "From this instant on (null: since ever)") Instant validFrom,
        @Schema(description = "Before this instant (null: open-ended)", examples = "2026-11-30T23:00:00Z") Instant validUntil,
        @Schema(examples = "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84") UUID campaignId,
        @Schema(examples = "Black Friday - Instagram") String campaignName,
        @Schema(examples = "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60") UUID programmeId) {
}
