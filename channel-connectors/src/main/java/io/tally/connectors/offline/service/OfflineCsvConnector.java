package io.tally.connectors.offline.service;

import java.util.List;

import io.tally.connectors.offline.domain.Columns;
import io.tally.connectors.offline.domain.CsvRow;
import io.tally.connectors.offline.domain.OfflineChannels;
import io.tally.connectors.offline.domain.OfflineRowMapper;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Event;
import io.tally.events.validation.Violations;

/**
 * Offline CSV files as a source: one data row becomes a touchpoint or a conversion. One instance per upload, because the
 * column mapping belongs to the upload.
 */
public class OfflineCsvConnector implements SourceConnector<CsvRow> {

    /** The source name of offline imports in metrics and dead letters. */
    public static final String SOURCE = "offline.csv";

    private final OfflineRowMapper mapper;

    public OfflineCsvConnector(Columns columns, OfflineChannels channels) {
        this.mapper = new OfflineRowMapper(columns, channels);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Event> map(CsvRow record, Violations violations) {
        return mapper.map(record, violations);
    }
}
