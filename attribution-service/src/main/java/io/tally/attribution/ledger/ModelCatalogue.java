package io.tally.attribution.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.ModelRegistry;
import io.tally.attribution.models.datadriven.MarkovModel;
import io.tally.attribution.training.TrainedModels;
import io.tally.events.ModelSettings;

/**
 * Which models exist and which credit the ledger: the rule-based models with their configured parameters
 * ({@code tally.attribution.*}, built once at start; a bad value or an unknown name in {@code models} stops the
 * service, naming its key), and the data-driven ones at their newest trained version.
 */
@ApplicationScoped
public class ModelCatalogue {

    @Inject
    AttributionConfig config;
    @Inject
    TrainedModels trained;

    private ModelRegistry registry;
    /** The rule-based models of each programme's settings (a deployment has few distinct ones). */
    private final Map<ModelSettings, ModelRegistry> registries = new ConcurrentHashMap<>();

    @PostConstruct
    void configureModels() {
        registry = ModelRegistries.fromConfig(config);
        for (String name : config.models()) {
            if (registry.find(name).isEmpty() && !TrainedModels.NAMES.contains(name)) {
                throw new IllegalStateException("tally.attribution.models names an unknown model: " + name
                        + " (known: " + registry.names() + ", " + TrainedModels.NAMES + ")");
            }
        }
    }

    /** Model names live conversions are credited under, in configuration order. */
    public List<String> enabledModels() {
        return config.models();
    }

    /** A rule-based model by name, with its configured parameters. */
    public AttributionModel model(String name) {
        return registry.find(name).orElseThrow(() -> new IllegalArgumentException("unknown model " + name));
    }

    /** Every rule-based model this release knows. */
    public List<String> knownModels() {
        return registry.names();
    }

    /** Every model that can hold credit in the ledger: the rule-based ones, then the data-driven ones. */
    public List<String> ledgerModels() {
        List<String> names = new ArrayList<>(registry.names());
        names.addAll(TrainedModels.NAMES);
        return names;
    }

    /**
     * The model that credits under {@code name} now, with the deployment's settings; empty for a data-driven model
     * before its first training (for {@code markov}: at the deployment's order).
     */
    Optional<? extends AttributionModel> crediting(String name) {
        return crediting(name, ModelSettings.NONE);
    }

    /**
     * The model that credits a conversion of a programme with these settings under {@code name}: the rule-based ones
     * with the programme's position shares and half-life, {@code markov} at the newest version of the programme's
     * order (the deployment's when it sets none; empty before a version of that order is trained), {@code shapley} at
     * its newest version.
     */
    Optional<? extends AttributionModel> crediting(String name, ModelSettings programme) {
        if (MarkovModel.NAME.equals(name)) {
            return trained.current(name, MarkovModel.parametersOf(markovOrder(programme)));
        }
        ModelRegistry own = programme.isDefault()
                ? registry
                : registries.computeIfAbsent(programme, s -> ModelRegistries.fromConfig(config, s));
        return own.find(name).or(() -> trained.current(name));
    }

    /** The Markov order a programme's conversions are credited with: its own, else the deployment's. */
    public int markovOrder(ModelSettings programme) {
        return programme.markovOrder() == null ? config.markovOrder() : programme.markovOrder();
    }
}
