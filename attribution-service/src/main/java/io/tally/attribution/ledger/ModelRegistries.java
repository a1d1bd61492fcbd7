package io.tally.attribution.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.models.CustomModel;
import io.tally.attribution.models.ModelRegistry;
import io.tally.attribution.models.PositionBasedModel;
import io.tally.events.Channel;
import io.tally.events.ModelSettings;

/** Builds the model registry from {@code tally.attribution.*}; a bad value stops the service at start, naming its key. */
final class ModelRegistries {

    private ModelRegistries() {
    }

    static ModelRegistry fromConfig(AttributionConfig config) {
        return fromConfig(config, ModelSettings.NONE);
    }

    /**
     * The registry of a programme: its settings' position shares and half-life where it sets them, else the
     * deployment's (its settings were validated where they were made).
     */
    static ModelRegistry fromConfig(AttributionConfig config, ModelSettings programme) {
        Map<String, List<BigDecimal>> positions = new HashMap<>();
        positions.put(PositionBasedModel.POSITION_BASED,
                shares("tally.attribution.positions.position-based", config.positions().positionBased()));
        positions.put(PositionBasedModel.J_CURVE, shares("tally.attribution.positions.j-curve",
                config.positions().jCurve()));
        positions.put(PositionBasedModel.INVERSE_J, shares("tally.attribution.positions.inverse-j",
                config.positions().inverseJ()));
        positions.put(CustomModel.NAME, shares("tally.attribution.positions.custom", config.positions().custom()));
        Map<Channel, BigDecimal> factors = new HashMap<>();
        config.customChannelFactors().forEach((name, factor) -> factors.put(Channel.fromWireName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "tally.attribution.custom-channel-factors." + name + ": unknown channel")),
                factor));
        programme.positionShares().forEach((model, value) -> positions.put(model, shares("modelSettings"
                + ".positionShares." + model, value)));
        return ModelRegistry.ruleBased(programme.halfLife().orElse(config.timeDecayHalfLife()), positions, factors);
    }

    /** {@code "0.4/0.2/0.4"} → three non-negative shares. */
    static List<BigDecimal> shares(String key, String value) {
        return ModelSettings.shares(value).orElseThrow(() -> new IllegalArgumentException(key
                + " must be first/middle/last non-negative shares with a positive sum, e.g. 0.4/0.2/0.4; got "
                + value));
    }
}
