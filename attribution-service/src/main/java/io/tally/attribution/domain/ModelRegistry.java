package io.tally.attribution.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attribution models Tally knows, by name. */
public final class ModelRegistry {

    private final Map<String, AttributionModel> models = new LinkedHashMap<>();

    public ModelRegistry(List<AttributionModel> models) {
        models.forEach(m -> this.models.put(m.name(), m));
    }

    /** Every rule-based model of this release. */
    public static ModelRegistry standard() {
        return new ModelRegistry(List.of(new FirstTouchModel(), new LastTouchModel(), new LinearModel()));
    }

    public Optional<AttributionModel> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public List<String> names() {
        return List.copyOf(models.keySet());
    }
}
