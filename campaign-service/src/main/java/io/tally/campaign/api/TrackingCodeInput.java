package io.tally.campaign.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.tally.campaign.api.validation.TrackingCode;
import io.tally.campaign.api.validation.TrackingCodeType;

/**
 * A tracking code asked for in a campaign request: {@code {"code": "bf-2026", "type": "coupon"}}, or just the code as
 * a string (type {@code other}).
 */
@Schema(name = "TrackingCodeInput", description = "A tracking code and its type; a plain string is also accepted"
        + " (type other)")
public record TrackingCodeInput(
        @Schema(required = true, maxLength = 200, description = "Trimmed, stored lower-case, matched"
                + " case-insensitively", examples = "Spring-Sale-IG") @NotNull @TrackingCode String code,
        @Schema(description = "What kind of code it is (default other)", enumeration = {
                "utm_campaign",
                "email_campaign", "ad_campaign", "coupon", "offline",
                "other"}, examples = "utm_campaign") @TrackingCodeType String type){

    @JsonCreator
    public TrackingCodeInput {
    }

    /** The shorthand: a code without a type. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TrackingCodeInput of(String code) {
        return new TrackingCodeInput(code, null);
    }
}
