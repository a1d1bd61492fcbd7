package io.tally.connectors.costs.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.costs.config.CostImportsConfig;
import io.tally.connectors.costs.domain.DailyCost;
import io.tally.connectors.costs.domain.MetaInsightReader;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Cost;
import io.tally.events.validation.Violations;

/** Meta Marketing API insights as a source: one daily campaign row becomes a paid-social {@link Cost}. */
@ApplicationScoped
public class MetaInsightsConnector implements SourceConnector<JsonNode> {

    /** The source name in metrics and dead letters. */
    public static final String SOURCE = "social.meta";

    private final MetaInsightReader reader;

    @Inject
    public MetaInsightsConnector(CostImportsConfig config) {
        this.reader = new MetaInsightReader(config.meta().purchaseActionTypes());
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Cost> map(JsonNode row, Violations violations) {
        DailyCost cost = reader.read(row, violations);
        return cost == null ? List.of() : List.of(cost.toCost());
    }
}
