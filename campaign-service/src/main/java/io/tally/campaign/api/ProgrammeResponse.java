package io.tally.campaign.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme as the API shows it. */
@Schema(name = "Programme", description = "A programme: its plan, the reporting frame its campaigns share and its official model")
public record ProgrammeResponse(
        @Schema(examples = "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60") UUID id,
        @Schema(examples = "Spring 2026 integrated") String name,
        @Schema(examples = "Grow online revenue from returning customers by 15%") String objective,
        @Schema(examples = "2026-03-01") LocalDate startDate,
        @Schema(examples = "2026-05-31") LocalDate endDate,
        @Schema(examples = "EUR") String reportingCurrency,
        @Schema(examples = "Europe/Berlin") String timeZone,
        @Schema(examples = "30") int lookbackDays,
        @Schema(examples = "position_based") String officialModel,
        @Schema(examples = "{\"weights\": \"40/20/40\"}") Map<String, String> officialModelParameters,
        @Schema(examples = "marketing-emea@example.com") String owner,
        @Schema(enumeration = {
                "draft", "active", "closed"}, examples = "active") String status,
        @Schema(enumeration = {"linear", "weekday"}, examples = "weekday") String pacing,
        @Schema(description = "Weights per weekday under weekday pacing (others weigh 1); empty under linear", examples = "{\"saturday\": \"1.6\", \"sunday\": \"0.4\"}") Map<String, String> weekdayWeights,
        @Schema(description = "How attribution credits the programme's conversions where it departs from the deployment (only what the programme sets)") ModelSettingsBody modelSettings,
        @Schema(description = "Changes with every write; the ETag header carries it quoted", examples = "3") long version,
        @Schema(examples = "2026-03-01T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-03-02T14:05:00Z") Instant updatedAt){
}
