package io.tally.connectors.costs.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.costs.config.CostImportsConfig;
import io.tally.connectors.costs.config.GenericCostsConfig;
import io.tally.connectors.costs.domain.CostCsvReader;
import io.tally.connectors.costs.domain.CostField;
import io.tally.connectors.csv.ColumnMapping;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * The generic cost import: costs of every channel and of whole programmes (search, email, print, events, agency fees,
 * tools) that no platform export brings. A CSV file is streamed row by row, bad rows becoming dead letters; a JSON
 * array is all or nothing, at most {@code tally.connectors.costs.max-batch-size} lines.
 */
@ApplicationScoped
public class CostImportService {

    @Inject
    IngestPipeline pipeline;
    @Inject
    CostJsonConnector jsonConnector;
    @Inject
    CostImportsConfig imports;
    @Inject
    GenericCostsConfig config;
    @Inject
    ConnectorsConfig connectors;
    @Inject
    ObjectMapper mapper;

    /**
     * @param overrides field wire name → column header, replacing the default headers
     * @throws ProblemException 400 for a bad mapping, an empty file or malformed CSV (the rows before the error are
     *         imported), 422 when a mapped column is not in the file (nothing is published), 503 when Kafka stayed
     *         unavailable
     */
    public ImportTally importCsv(InputStream body, Charset charset, Map<String, String> overrides) throws IOException {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<CostField> mapping = ColumnMapping.of(CostField.columnRules(), Map.of(), overrides, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        ImportTally tally = new ImportTally(imports.imports().maxReportedRejects(),
                column -> AdCostImportService.fieldOf(mapping, column));
        try (CostCsvFile file = CostCsvFile.open(body, charset)) {
            List<String> header = file.header(mapping, imports.imports().maxHeaderSearchRows());
            Map<CostField, Integer> positions = mapping.resolve(header, problems);
            if (!positions.containsKey(CostField.CAMPAIGN_CODE) && !positions.containsKey(CostField.PROGRAMME_ID)) {
                problems.add(new Violation(ColumnMapping.PARAMETER_PREFIX + CostField.CAMPAIGN_CODE.wireName(),
                        "the header row has neither \"" + mapping.header(CostField.CAMPAIGN_CODE) + "\" nor \""
                                + mapping.header(CostField.PROGRAMME_ID)
                                + "\": every cost needs a campaign code or a programme id"));
            }
            if (!problems.isEmpty()) {
                throw ProblemException.unprocessable(problems);
            }
            CostCsvReader reader = new CostCsvReader(mapping, positions, header.size());
            ChunkedImport<List<String>> chunks = new ChunkedImport<>(pipeline, new CostCsvConnector(reader),
                    CostCsvFile::csvLine, imports.imports().chunkSize(), retryAfterSeconds(), tally);
            file.importRows(chunks, row -> false);
        } catch (JsonProcessingException e) {
            throw CostCsvFile.malformed(e, tally);
        }
        return tally;
    }

    /**
     * @throws ProblemException 400 for a body that is not a non-empty array of cost lines, or any bad line (every bad
     *         field named {@code [i].field}; nothing is published), 413 for more lines than the cap or a body over
     *         {@code tally.connectors.limits.max-request-bytes} (the rest is not read), 503 when Kafka did not
     *         acknowledge
     */
    public ImportTally importJson(InputStream body) throws IOException {
        List<JsonNode> lines = readLines(body);
        Ingested ingested = pipeline.ingestAll(jsonConnector, lines, true);
        ImportTally tally = new ImportTally(0, null);
        tally.add(ingested, lines.size(), 1);
        return tally;
    }

    private List<JsonNode> readLines(InputStream body) throws IOException {
        long maxBytes = connectors.limits().maxRequestBytes();
        int maxLines = config.maxBatchSize();
        List<JsonNode> lines = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(new LimitedInputStream(body, maxBytes))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ProblemException.invalid("", "a JSON array of cost lines is required");
            }
            if (first != JsonToken.START_ARRAY) {
                throw ProblemException.invalid("", "must be a JSON array of cost lines");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (lines.size() == maxLines) {
                    throw new ProblemException(413, "payload-too-large", "Payload too large",
                            "a request may carry at most " + maxLines + " cost lines; send more as several "
                                    + "requests or as a CSV file",
                            null, null);
                }
                lines.add(mapper.readTree(parser));
            }
            if (parser.nextToken() != null) {
                throw ProblemException.invalid("", "nothing may follow the array of cost lines");
            }
        } catch (LimitedInputStream.LimitExceeded e) {
            throw ProblemException.tooLarge(maxBytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(EventJson.violationOf(e)));
        }
        if (lines.isEmpty()) {
            throw ProblemException.invalid("", "the array must contain at least one cost line");
        }
        return lines;
    }

    private int retryAfterSeconds() {
        return (int) Math.max(1, connectors.publish().retryAfter().toSeconds());
    }
}
