package io.tally.campaign.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.campaign.api.validation.IsoCurrency;

/** The body of {@code POST /api/v1/campaigns/{id}/budgets} and of {@code PUT /api/v1/budgets/{id}}. */
@Schema(name = "BudgetRequest", description = "A campaign's budget for one period (a line of its spend plan)")
public record BudgetRequest(
        @Schema(required = true, description = "A month (2026-11), a quarter (2026-Q4) or a range of days (2026-11-01..2026-11-15), in the programme's time zone; within the campaign's dates; not overlapping the campaign's other lines", examples = "2026-11") @NotBlank @Size(max = 32) String period,
        @Schema(required = true, description = "Budget, zero or more, in the currency's minor units at most", examples = "12000.00") @NotBlank @Size(max = 40) String amount,
        @Schema(required = true, description = "ISO 4217; the programme's reporting currency (no FX rate source is configured)", examples = "EUR") @NotBlank @IsoCurrency String currency) {
}
