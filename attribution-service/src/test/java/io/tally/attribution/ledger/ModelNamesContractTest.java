package io.tally.attribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.attribution.models.ModelRegistry;
import io.tally.attribution.training.TrainedModels;
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
