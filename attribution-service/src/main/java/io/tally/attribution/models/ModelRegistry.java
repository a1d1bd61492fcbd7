package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tally.events.Channel;

/** The attribution models Tally knows, by name. */
public final class ModelRegistry {

    private final Map<String, AttributionModel> models = new LinkedHashMap<>();

    public ModelRegistry(List<AttributionModel> models) {
        models.forEach(m -> this.models.put(m.name(), m));
    }

    /**
     * Every rule-based model with its parameters.
     *
     * @param halfLife the time-decay half-life
     * @param positions first/middle/last shares by model name ({@code position_based}, {@code j_curve},
     *        {@code inverse_j}, {@code custom}); a model missing here gets its standard shares
     * @param customFactors the custom model's factor per channel (1 for channels not listed)
     */
    public static ModelRegistry ruleBased(Duration halfLife, Map<String, List<BigDecimal>> positions,
            Map<Channel, BigDecimal> customFactors) {
        List<BigDecimal> custom = positions.getOrDefault(CustomModel.NAME,
                List.of(new BigDecimal("0.4"), new BigDecimal("0.2"), new BigDecimal("0.4")));
        return new ModelRegistry(List.of(
                new FirstTouchModel(),
                new LastTouchModel(),
                new LastNonDirectModel(),
                new LinearModel(),
                new TimeDecayModel(halfLife),
                position(PositionBasedModel.POSITION_BASED, positions),
                position(PositionBasedModel.J_CURVE, positions),
                position(PositionBasedModel.INVERSE_J, positions),
                new CustomModel(custom.get(0), custom.get(1), custom.get(2), customFactors)));
    }

    /** Every rule-based model with its standard parameters (7-day half-life, 40/20/40, 20/20/60, 60/20/20). */
    public static ModelRegistry standard() {
        return ruleBased(Duration.ofDays(7), Map.of(), Map.of());
    }

    private static PositionBasedModel position(String name, Map<String, List<BigDecimal>> positions) {
        List<BigDecimal> w = positions.get(name);
        return w == null
                ? PositionBasedModel.standard(name)
                : new PositionBasedModel(name, w.get(0), w.get(1), w.get(2));
    }

    public Optional<AttributionModel> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public List<String> names() {
        return List.copyOf(models.keySet());
    }
}
