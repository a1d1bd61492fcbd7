package io.tally.connectors.costs.service;

import java.util.List;

import io.tally.connectors.costs.domain.CostCsvReader;
import io.tally.connectors.costs.domain.CostLine;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Cost;
import io.tally.events.validation.Violations;

/** A generic cost file as a source (built per import, for the file's header row): a row becomes a {@link Cost}. */
final class CostCsvConnector implements SourceConnector<List<String>> {

    private final CostCsvReader reader;

    CostCsvConnector(CostCsvReader reader) {
        this.reader = reader;
    }

    @Override
    public String source() {
        return CostJsonConnector.SOURCE;
    }

    @Override
    public List<Cost> map(List<String> row, Violations violations) {
        CostLine line = reader.read(row, violations);
        return line == null ? List.of() : List.of(line.toCost());
    }
}
