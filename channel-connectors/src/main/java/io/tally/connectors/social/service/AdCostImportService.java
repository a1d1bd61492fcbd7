package io.tally.connectors.social.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.csv.ColumnMapping;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.social.config.SocialConfig;
import io.tally.connectors.social.domain.AdCostCsvReader;
import io.tally.connectors.social.domain.AdField;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * Imports an ad platform's CSV export, streamed: the header row is found (skipping a preamble), every mapped column is
 * checked to be there before anything is published, then the rows are read one at a time and ingested in chunks. Bad
 * rows become dead letters; the rest is published.
 */
@ApplicationScoped
public class AdCostImportService {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final TypeReference<List<String>> ROW = new TypeReference<>() {
    };

    @Inject
    IngestPipeline pipeline;
    @Inject
    SocialConfig config;
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
        SocialConfig.Platform settings = requirePlatform(platform);
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<AdField> mapping = ColumnMapping.of(AdField.columnRules(), settings.columns(), overrides,
                problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        ImportTally tally = new ImportTally(config.imports().maxReportedRejects(), column -> fieldOf(mapping, column));
        try (Reader reader = new InputStreamReader(body, charset);
                MappingIterator<List<String>> rows = CSV.readerFor(ROW).with(CsvSchema.emptySchema())
                        .readValues(reader)) {
            List<String> header = header(rows, mapping);
            Map<AdField, Integer> positions = mapping.resolve(header, problems);
            if (!problems.isEmpty()) {
                throw ProblemException.unprocessable(problems);
            }
            AdCostCsvReader rowReader = new AdCostCsvReader(platform, mapping, positions, header.size(),
                    settings.dateFormats());
            ChunkedImport<List<String>> chunks = new ChunkedImport<>(pipeline,
                    new AdCostCsvConnector(platform, rowReader),
                    AdCostImportService::csvLine, config.imports().chunkSize(),
                    (int) Math.max(1, connectors.publish().retryAfter().toSeconds()), tally);
            try {
                while (rows.hasNextValue()) {
                    chunks.add(rows.nextValue());
                }
            } catch (JsonProcessingException e) {
                chunks.flush();
                throw malformed(e, tally);
            }
            chunks.flush();
        } catch (JsonProcessingException e) {
            throw malformed(e, tally);
        }
        return tally;
    }

    /**
     * The settings of a configured platform.
     *
     * @throws ProblemException 404 for a platform that is not configured
     */
    public SocialConfig.Platform requirePlatform(String platform) {
        SocialConfig.Platform settings = config.platforms().get(platform);
        if (settings == null) {
            throw new ProblemException(404, "not-found", "Not found", "there is no ad platform \"" + platform
                    + "\"; the platforms are "
                    + String.join(", ", new java.util.TreeSet<>(config.platforms().keySet())),
                    null, null);
        }
        return settings;
    }

    /**
     * The header row: the first of the leading rows that holds every mapped header (exports may start with a report
     * title and date range), else the leading row that holds the most, against which the missing ones are reported.
     */
    private List<String> header(MappingIterator<List<String>> rows, ColumnMapping<AdField> mapping) throws IOException {
        List<String> best = null;
        int bestMatches = -1;
        int wanted = mapping.headers().size();
        for (int i = 0; i < config.imports().maxHeaderSearchRows() && rows.hasNextValue(); i++) {
            List<String> row = rows.nextValue();
            int matches = mapping.matches(row);
            if (matches == wanted) {
                return row;
            }
            if (matches > bestMatches) {
                best = row;
                bestMatches = matches;
            }
        }
        if (best == null) {
            throw ProblemException.invalid("", "the file is empty: a header row and daily rows are expected");
        }
        return best;
    }

    /** The mapped field of a column header, for the import report. */
    private static String fieldOf(ColumnMapping<AdField> mapping, String column) {
        return mapping.headers().entrySet().stream().filter(e -> e.getValue().equals(column))
                .map(e -> e.getKey().wireName()).findFirst().orElse(column);
    }

    /** A row as the dead letter's raw payload: the cells re-encoded as one CSV line. */
    static String csvLine(List<String> cells) {
        try {
            return CSV.writerFor(ROW).with(CsvSchema.emptySchema().withoutHeader()).writeValueAsString(cells).strip();
        } catch (JsonProcessingException e) {
            return String.join(",", cells);
        }
    }

    private static ProblemException malformed(JsonProcessingException e, ImportTally tally) {
        String reason = "malformed CSV"
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                + ": " + e.getOriginalMessage();
        return new ProblemException(400, "validation", "Invalid request", reason + ". " + tally.progress(),
                List.of(new Violation("", reason)), null);
    }
}
