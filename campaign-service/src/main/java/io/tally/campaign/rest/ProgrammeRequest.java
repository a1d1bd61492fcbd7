package io.tally.campaign.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/programmes}. */
@Schema(name = "ProgrammeRequest", description = "A new programme")
public record ProgrammeRequest(
        @Schema(required = true, maxLength = 200, examples = "Spring 2026 integrated") @NotBlank @Size(max = 200) String name,
        @Schema(required = true, description = "ISO 4217 code every report of the programme is in", examples = "EUR") @NotBlank @IsoCurrency String reportingCurrency,
        @Schema(required = true, description = "IANA time zone of the reporting periods", examples = "Europe/Berlin") @NotBlank @TimeZoneId String timeZone,
        @Schema(description = "Attribution lookback window in days", minimum = "1", maximum = "90", defaultValue = "30", examples = "30") @Min(1) @Max(90) Integer lookbackDays) {
}
