package io.tally.connectors.costs.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.costs.config.CostImportsConfig;
import io.tally.connectors.costs.domain.AdCostCsvReader;
import io.tally.connectors.costs.domain.AdField;
import io.tally.connectors.costs.domain.AdPlatform;
import io.tally.connectors.csv.ColumnMapping;
import io.tally.connectors.csv.CsvField;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * Imports an ad platform's CSV export, streamed: the header row is found (skipping a preamble), every mapped column is
 * checked to be there before anything is published, then the rows are read one at a time and ingested in chunks; the
 * export's summary rows (totals, a footer) are skipped. Bad rows become dead letters; the rest is published.
 */
@ApplicationScoped
public class AdCostImportService {

    @Inject
    IngestPipeline pipeline;
    @Inject
    CostImportsConfig config;
    @Inject
    ConnectorsConfig connectors;

    /**
     * @param overrides field wire name → column header, replacing the platform's configured headers
     * @throws ProblemException 404 for an unknown platform, 400 for a bad mapping or malformed CSV (the rows before
     *         the error are imported), 422 when a mapped column is not in the file (nothing is published), 503 when
     *         Kafka stayed unavailable
     */
    public ImportTally importExport(String platform, InputStream body, Charset charset, Map<String, String> overrides)
            throws IOException {
        CostImportsConfig.Platform settings = requirePlatform(platform);
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<AdField> mapping = ColumnMapping.of(AdField.columnRules(), settings.columns(), overrides,
                problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        ImportTally tally = new ImportTally(config.imports().maxReportedRejects(), column -> fieldOf(mapping, column));
        try (CostCsvFile file = CostCsvFile.open(body, charset)) {
            List<String> header = file.header(mapping, config.imports().maxHeaderSearchRows());
            Map<AdField, Integer> positions = mapping.resolve(header, problems);
            if (!problems.isEmpty()) {
                throw ProblemException.unprocessable(problems);
            }
            AdPlatform export = new AdPlatform(platform, settings.channel(), settings.dateFormats(),
                    settings.summaryRowPrefixes().orElse(List.of()));
            AdCostCsvReader reader = new AdCostCsvReader(export, mapping, positions, header.size());
            ChunkedImport<List<String>> chunks = new ChunkedImport<>(pipeline, new AdCostCsvConnector(platform, reader),
                    CostCsvFile::csvLine, config.imports().chunkSize(), retryAfterSeconds(), tally);
            file.importRows(chunks, reader::isSummary);
        } catch (JsonProcessingException e) {
            throw CostCsvFile.malformed(e, tally);
        }
        return tally;
    }

    /**
     * The settings of a configured platform.
     *
     * @throws ProblemException 404 for a platform that is not configured
     */
    public CostImportsConfig.Platform requirePlatform(String platform) {
        CostImportsConfig.Platform settings = config.platforms().get(platform);
        if (settings == null) {
            throw new ProblemException(404, "not-found", "Not found", "there is no ad platform \"" + platform
                    + "\"; the platforms are " + String.join(", ", new TreeSet<>(config.platforms().keySet())),
                    null, null);
        }
        return settings;
    }

    private int retryAfterSeconds() {
        return (int) Math.max(1, connectors.publish().retryAfter().toSeconds());
    }

    /** The mapped field of a column header, for the import report. */
    static <F extends CsvField> String fieldOf(ColumnMapping<F> mapping, String column) {
        return mapping.headers().entrySet().stream().filter(e -> e.getValue().equals(column))
                .map(e -> e.getKey().wireName()).findFirst().orElse(column);
    }
}
