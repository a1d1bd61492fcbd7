package io.tally.connectors.costs.service;

import java.util.List;

import io.tally.connectors.costs.domain.AdCostCsvReader;
import io.tally.connectors.costs.domain.DailyCost;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Cost;
import io.tally.events.validation.Violations;

/**
 * One ad platform's CSV export as a source (built per import, for the file's header row): a daily campaign row
 * becomes a paid-social {@link Cost}. Source name {@code social.<platform>}.
 */
final class AdCostCsvConnector implements SourceConnector<List<String>> {

    private final String source;
    private final AdCostCsvReader reader;

    AdCostCsvConnector(String platform, AdCostCsvReader reader) {
        this.source = "social." + platform;
        this.reader = reader;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<Cost> map(List<String> row, Violations violations) {
        DailyCost cost = reader.read(row, violations);
        return cost == null ? List.of() : List.of(cost.toCost());
    }
}
