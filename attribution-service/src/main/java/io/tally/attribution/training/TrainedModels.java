package io.tally.attribution.training;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.attribution.models.datadriven.IncrementalModel;
import io.tally.attribution.models.datadriven.MarkovModel;
import io.tally.attribution.models.datadriven.ShapleyModel;
import io.tally.attribution.models.datadriven.TrainedModel;

/**
 * The newest trained version of each data-driven model, as the live pipeline credits with it. Cached for a few seconds
 * (so a conversion does not read the version table), and refreshed at once on this replica after a training; another
 * replica picks a new version up within {@link #TTL_NANOS}.
 */
@ApplicationScoped
public class TrainedModels {

    /** The data-driven models: they credit once trained. */
    public static final List<String> NAMES = List.of(MarkovModel.NAME, ShapleyModel.NAME, IncrementalModel.NAME);

    static final long TTL_NANOS = 10_000_000_000L;

    private record Cached(Optional<TrainedModel> model, long loadedAt) {
    }

    @Inject
    ModelVersionRepository versions;
    @Inject
    ObjectMapper json;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The newest version of a data-driven model; empty before its first training. */
    public Optional<TrainedModel> current(String name) {
        return cached(name, () -> versions.latest(name));
    }

    /**
     * The newest version of a data-driven model trained with these parameters ({@code markov} at {@code order2});
     * empty before the first such training.
     */
    public Optional<TrainedModel> current(String name, String parameters) {
        return cached(name + "@" + parameters, () -> versions.latest(name, parameters));
    }

    private Optional<TrainedModel> cached(String key, Supplier<Optional<ModelVersionEntity>> read) {
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached == null || now - cached.loadedAt() > TTL_NANOS) {
            cached = new Cached(read.get().map(this::toModel), now);
            cache.put(key, cached);
        }
        return cached.model();
    }

    /** Forgets the model's cached versions (of any parameters), so the next credit reads the newest. */
    public void invalidate(String name) {
        cache.keySet().removeIf(key -> key.equals(name) || key.startsWith(name + "@"));
    }

    TrainedModel toModel(ModelVersionEntity version) {
        try {
            Map<String, String> stored = json.readValue(version.weights, new TypeReference<Map<String, String>>() {
            });
            Map<String, BigDecimal> weights = new HashMap<>();
            stored.forEach((channel, weight) -> weights.put(channel, new BigDecimal(weight)));
            return new TrainedModel(version.model, version.version, weights);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model version " + version.version + " has unreadable weights", e);
        }
    }
}
