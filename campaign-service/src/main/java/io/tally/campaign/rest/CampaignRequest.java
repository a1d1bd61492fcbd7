package io.tally.campaign.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/programmes/{id}/campaigns}. */
@Schema(name = "CampaignRequest", description = "A new campaign of a programme")
public record CampaignRequest(
        @Schema(required = true, maxLength = 200, examples = "Spring sale - Instagram") @NotBlank @Size(max = 200) String name,
        @Schema(required = true, description = "Channel wire name", enumeration = {
                "paid_search", "organic_search",
                "paid_social", "organic_social", "email", "display", "affiliate", "referral", "direct", "offline",
                "other"}, examples = "paid_social") @NotBlank @ChannelName String channel,
        @Schema(description = "Codes that resolve to this campaign (utm_campaign, ad or email campaign ids, coupon codes);"
                + " trimmed, stored lower-case, unique across all campaigns, duplicates collapse") @Size(max = 1000) List<@TrackingCode String> trackingCodes){
}
