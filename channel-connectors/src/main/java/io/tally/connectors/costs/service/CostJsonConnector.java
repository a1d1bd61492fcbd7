package io.tally.connectors.costs.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.costs.domain.CostJsonReader;
import io.tally.connectors.costs.domain.CostLine;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Cost;
import io.tally.events.validation.Violations;

/** The generic cost import's JSON form as a source: one cost line object becomes a {@link Cost}. */
@ApplicationScoped
public class CostJsonConnector implements SourceConnector<JsonNode> {

    /** The source name of the generic cost import (both forms) in metrics and dead letters. */
    public static final String SOURCE = "costs.generic";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Cost> map(JsonNode line, Violations violations) {
        CostLine cost = CostJsonReader.read(line, violations);
        return cost == null ? List.of() : List.of(cost.toCost());
    }
}
