package io.tally.campaign.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.events.Channel;

/** A campaign as the API shows it. */
@Schema(name = "Campaign", description = "A campaign with its normalised tracking codes")
public record CampaignResponse(
        @Schema(examples = "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84") UUID id,
        @Schema(examples = "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60") UUID programmeId,
        @Schema(examples = "Spring sale - Instagram") String name,
        @Schema(implementation = String.class, examples = "paid_social") Channel channel,
        @Schema(description = "The campaign's codes with type and validity span, in request order") List<TrackingCodeView> trackingCodes,
        @Schema(examples = "2026-11-01") LocalDate startDate,
        @Schema(examples = "2026-11-30") LocalDate endDate,
        @Schema(description = "Total budget in the programme's currency", examples = "20000.00") String budget,
        @Schema(description = "Version of the campaign (and of its CampaignChanged event); starts at 1", examples = "1") long version) {
}
