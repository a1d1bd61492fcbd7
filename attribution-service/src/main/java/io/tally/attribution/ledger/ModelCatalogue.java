package io.tally.attribution.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.ModelRegistry;
import io.tally.attribution.training.TrainedModels;

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

    /** The model that credits under {@code name} now; empty for a data-driven model before its first training. */
    Optional<? extends AttributionModel> crediting(String name) {
        return registry.find(name).or(() -> trained.current(name));
    }
}
