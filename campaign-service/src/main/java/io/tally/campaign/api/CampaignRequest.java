package io.tally.campaign.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.campaign.api.validation.ChannelName;

/** The body of {@code POST /api/v1/programmes/{id}/campaigns} and {@code PUT /api/v1/campaigns/{id}}. */
@Schema(name = "CampaignRequest", description = "A new campaign of a programme")
public record CampaignRequest(
        @Schema(required = true, maxLength = 200, examples = "Spring sale - Instagram") @NotBlank @Size(max = 200) String name,
        @Schema(required = true, description = "Channel wire name", enumeration = {
                "paid_search", "organic_search",
                "paid_social", "organic_social", "email", "display", "affiliate", "referral", "direct", "direct_mail",
                "phone", "events", "retail", "offline",
                "other"}, examples = "paid_social") @NotBlank @ChannelName String channel,
        @Schema(description = "Codes that resolve to this campaign (utm_campaign values, ad or email campaign ids,"
                + " coupon and offline codes), each an object with code and type or just the code; trimmed, stored"
                + " lower-case, duplicates collapse (the last type wins). A code keeps the spans it has in this campaign;"
                + " a new one points here from the end of any other campaign's last span of it, and is a 409 while"
                + " another campaign holds it. Codes left out no longer point here.") @Size(max = 1000) List<@NotNull @Valid TrackingCodeInput> trackingCodes,
        @Schema(description = "First day, within the programme's dates", examples = "2026-11-01") LocalDate startDate,
        @Schema(description = "Last day, not before startDate, within the programme's dates", examples = "2026-11-30") LocalDate endDate,
        @Schema(description = "Total budget in the programme's currency, at most its minor digits; the spend plan"
                + " (/api/v1/campaigns/{id}/budgets) must not exceed it", examples = "20000.00") @Size(max = 40) String budget){
}
