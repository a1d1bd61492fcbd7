package io.tally.campaign.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How attribution credits a programme's conversions where it departs from the deployment (touch weights, position
 * shares, time-decay half-life, Markov order); in requests and responses alike.
 */
@Schema(name = "ModelSettings", description = "How attribution credits this programme's conversions where it departs"
        + " from the deployment's settings. Every part is optional: a kind or model left out, or a null, keeps the"
        + " deployment's value (the attribution README lists the defaults). A change re-credits the programme's"
        + " conversions in open periods, as adjustments.")
public record ModelSettingsBody(
        @Schema(description = "Weight of a touch of each kind (impression, email_open, click, visit, engagement,"
                + " offline_contact, coupon_redemption): a decimal from 0 (earns nothing) to 100; the rule-based models"
                + " multiply their shares by it, the data-driven models leave out kinds of weight 0", examples = "{\"impression\": \"0\", \"email_open\": \"0.25\", \"offline_contact\": \"1.5\"}") @Size(max = 7) Map<@NotBlank @Size(max = 32) String, @NotNull @Size(max = 20) String> touchWeights,
        @Schema(description = "First/middle/last shares of the position models (position_based, j_curve, inverse_j,"
                + " custom), normalised to their sum", examples = "{\"position_based\": \"0.3/0.4/0.3\"}") @Size(max = 4) Map<@NotBlank @Size(max = 32) String, @NotNull @Size(max = 64) String> positionShares,
        @Schema(description = "Half-life of the time_decay model as an ISO-8601 duration, PT1H to P365D", examples = "P3D") @Size(max = 32) String timeDecayHalfLife,
        @Schema(description = "Memory of the markov model the programme's conversions are credited with (1, 2 or 3);"
                + " its versions are trained for every order a programme uses", minimum = "1", maximum = "3", examples = "2") Integer markovOrder) {
}
