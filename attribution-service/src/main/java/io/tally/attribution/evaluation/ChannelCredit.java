package io.tally.attribution.evaluation;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One model's credit for one channel over a path file: fractional conversions and conversion value. */
@Schema(name = "ChannelCredit")
public record ChannelCredit(
        @Schema(examples = "markov") String model,
        @Schema(examples = "email") String channel,
        @Schema(description = "Credited conversions, 6 decimals", examples = "41.733019") BigDecimal conversions,
        @Schema(description = "Credited conversion value, 6 decimals", examples = "3120.551873") BigDecimal value) {
}
