package io.tally.campaign.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.campaign.api.validation.TrackingCodeType;

/** The body of {@code POST /api/v1/tracking-codes/{code}/repoint}. */
@Schema(name = "RepointRequest", description = "Point a tracking code at another campaign from a date on")
public record RepointRequest(
        @Schema(required = true, description = "The campaign the code points at from the date on", examples = "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84") @NotNull UUID campaignId,
        @Schema(required = true, description = "The first day, in the time zone of that campaign's programme; touches"
                + " before it keep crediting the campaign the code pointed at", examples = "2026-12-01") @NotNull LocalDate from,
        @Schema(description = "The code's type from then on (default: its current type)", examples = "coupon") @TrackingCodeType String type) {
}
