package io.tally.campaign.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A goal as the API shows it. */
@Schema(name = "Goal", description = "A revenue goal of a programme for one period")
public record GoalResponse(
        @Schema(examples = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f") UUID id,
        @Schema(examples = "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60") UUID programmeId,
        @Schema(description = "Null for a programme or channel goal") UUID campaignId,
        @Schema(description = "Null for a programme or campaign goal", examples = "email") String channel,
        @Schema(examples = "2026-11") String period,
        @Schema(description = "First day of the period, in the programme's time zone", examples = "2026-11-01") LocalDate firstDay,
        @Schema(description = "Last day of the period, inclusive", examples = "2026-11-30") LocalDate lastDay,
        @Schema(description = "Decimal string", examples = "100000.00") String amount,
        @Schema(examples = "EUR") String currency,
        @Schema(description = "The last evaluated status (null until evaluated)", enumeration = {
                "on_track", "at_risk", "behind", "achieved"}, examples = "on_track") String status,
        @Schema(examples = "2026-11-16T08:00:00Z") Instant statusAt,
        @Schema(description = "Changes with every write; the ETag header carries it quoted", examples = "0") long version,
        @Schema(examples = "2026-11-01T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-11-01T09:30:00Z") Instant updatedAt){
}
