package io.tally.campaign.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.campaign.api.validation.ChannelName;
import io.tally.campaign.api.validation.IsoCurrency;

/** The body of {@code POST /api/v1/programmes/{id}/goals} and of {@code PUT /api/v1/goals/{id}}. */
@Schema(name = "GoalRequest", description = "A revenue goal for one period; for the whole programme unless campaignId or channel narrows it")
public record GoalRequest(
        @Schema(required = true, description = "A month (2026-11), a quarter (2026-Q4) or a range of days (2026-11-01..2026-11-30), in the programme's time zone", examples = "2026-11") @NotBlank @Size(max = 32) String period,
        @Schema(required = true, description = "Revenue to reach, a positive decimal in the currency's minor units at most", examples = "100000.00") @NotBlank @Size(max = 40) String amount,
        @Schema(required = true, description = "ISO 4217; the programme's reporting currency (no FX rate source is configured)", examples = "EUR") @NotBlank @IsoCurrency String currency,
        @Schema(description = "Narrows the goal to one campaign of the programme", examples = "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84") UUID campaignId,
        @Schema(description = "Narrows the goal to one channel (not together with campaignId)", examples = "email") @ChannelName String channel) {
}
