package io.tally.campaign.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme as the API shows it. */
@Schema(name = "Programme", description = "A programme: the reporting frame its campaigns share")
public record ProgrammeResponse(
        @Schema(examples = "0b8f6f52-6c2e-4a8e-9a51-2d1f3c4b5a60") UUID id,
        @Schema(examples = "Spring 2026 integrated") String name,
        @Schema(examples = "EUR") String reportingCurrency,
        @Schema(examples = "Europe/Berlin") String timeZone,
        @Schema(examples = "30") int lookbackDays,
        @Schema(examples = "2026-03-01T09:30:00Z") Instant createdAt) {
}
