package io.tally.campaign.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A budget line as the API shows it. */
@Schema(name = "Budget", description = "A campaign's budget for one period")
public record BudgetResponse(
        @Schema(examples = "3e9f1b7a-2c4d-4e5f-8a6b-7c8d9e0f1a2b") UUID id,
        @Schema(examples = "5d2c8a4e-1f7b-4c39-b0a2-7e6f9d3c1b84") UUID campaignId,
        @Schema(examples = "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60") UUID programmeId,
        @Schema(examples = "2026-11") String period,
        @Schema(examples = "2026-11-01") LocalDate firstDay,
        @Schema(examples = "2026-11-30") LocalDate lastDay,
        @Schema(examples = "12000.00") String amount,
        @Schema(examples = "EUR") String currency,
        @Schema(description = "Version, the ETag", examples = "0") long version,
        Instant createdAt,
        Instant updatedAt) {
}
