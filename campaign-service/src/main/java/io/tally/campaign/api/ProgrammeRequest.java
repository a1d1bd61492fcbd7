package io.tally.campaign.api;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.campaign.api.validation.IsoCurrency;
import io.tally.campaign.api.validation.OfficialModel;
import io.tally.campaign.api.validation.ProgrammeStatusName;
import io.tally.campaign.api.validation.TimeZoneId;

/** The body of {@code POST /api/v1/programmes} and of {@code PUT /api/v1/programmes/{id}} (which replaces everything). */
@Schema(name = "ProgrammeRequest", description = "A programme's settings; on PUT, omitted optional fields take their defaults")
public record ProgrammeRequest(
        @Schema(required = true, maxLength = 200, examples = "Spring 2026 integrated") @NotBlank @Size(max = 200) String name,
        @Schema(maxLength = 2000, description = "What the programme is for", examples = "Grow online revenue from returning customers by 15%") @Size(max = 2000) String objective,
        @Schema(description = "First day (in the programme's time zone)", examples = "2026-03-01") LocalDate startDate,
        @Schema(description = "Last day, inclusive; not before startDate", examples = "2026-05-31") LocalDate endDate,
        @Schema(required = true, description = "ISO 4217 code every report of the programme is in", examples = "EUR") @NotBlank @IsoCurrency String reportingCurrency,
        @Schema(required = true, description = "IANA time zone of the reporting periods", examples = "Europe/Berlin") @NotBlank @TimeZoneId String timeZone,
        @Schema(description = "Attribution lookback window in days", minimum = "1", maximum = "90", defaultValue = "30", examples = "30") @Min(1) @Max(90) Integer lookbackDays,
        @Schema(description = "The attribution model finance reports and goal progress use", defaultValue = "linear", examples = "position_based") @OfficialModel String officialModel,
        @Schema(description = "Parameters of the official model as the analyst agreed them (recorded with the programme)", examples = "{\"weights\": \"40/20/40\"}") @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 200) String> officialModelParameters,
        @Schema(maxLength = 200, description = "Who answers for the programme", examples = "marketing-emea@example.com") @Size(max = 200) String owner,
        @Schema(description = "draft, active or closed; a closed programme is not reopened", defaultValue = "draft", examples = "active") @ProgrammeStatusName String status,
        @Schema(description = "The curve goal progress expects revenue along: linear (even over time) or weekday (by weekdayWeights)", enumeration = {
                "linear", "weekday"}, defaultValue = "linear", examples = "weekday") String pacing,
        @Schema(description = "With pacing weekday: a weight per weekday (monday … sunday, decimal of 0 or more); a weekday left out weighs 1", examples = "{\"saturday\": \"1.6\", \"sunday\": \"0.4\"}") @Size(max = 7) Map<@NotBlank String, @NotNull @Size(max = 20) String> weekdayWeights,
        @Schema(description = "How attribution credits the programme's conversions where it departs from the deployment; omitted: the deployment's settings throughout") @Valid ModelSettingsBody modelSettings){
}
