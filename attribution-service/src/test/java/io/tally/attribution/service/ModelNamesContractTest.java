package io.tally.attribution.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.attribution.domain.ModelRegistry;
import io.tally.events.AttributionModels;

/** The model names other services see ({@link AttributionModels#ALL}) are exactly the models this service has. */
class ModelNamesContractTest {

    @Test
    void theSharedListNamesEveryModelInOrder() {
        List<String> models = new ArrayList<>(ModelRegistry.standard().names());
        models.addAll(TrainedModels.NAMES);
        assertThat(AttributionModels.ALL).containsExactlyElementsOf(models);
    }
}
