package io.tally.connectors.costs.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.costs.config.CostImportsConfig;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * Imports a Meta insights response, streamed: the {@code data} array is read one row at a time and ingested in chunks,
 * so a response of any size is imported in constant memory. Bad rows become dead letters; the rest is published.
 */
@ApplicationScoped
public class MetaInsightsImportService {

    @Inject
    IngestPipeline pipeline;
    @Inject
    MetaInsightsConnector connector;
    @Inject
    CostImportsConfig config;
    @Inject
    ConnectorsConfig connectors;
    @Inject
    ObjectMapper mapper;

    /**
     * @throws ProblemException 400 for a body that is not an insights response or stops being valid JSON (the rows
     *         before the error are imported), 503 when Kafka stayed unavailable
     */
    public ImportTally importInsights(InputStream body) throws IOException {
        ImportTally tally = new ImportTally(config.imports().maxReportedRejects(), null);
        ChunkedImport<JsonNode> chunks = new ChunkedImport<>(pipeline, connector, JsonNode::toString,
                config.imports().chunkSize(), (int) Math.max(1, connectors.publish().retryAfter().toSeconds()), tally);
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.invalid("", "must be an insights response: an object with a data array");
            }
            boolean sawData = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw ProblemException.invalid("data", "must be an array of insights rows");
                    }
                    sawData = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        chunks.add(mapper.readTree(parser));
                    }
                } else {
                    parser.skipChildren(); // paging, summary
                }
            }
            if (!sawData) {
                throw ProblemException.invalid("data", "is required: post the insights edge's response as it is");
            }
        } catch (JsonProcessingException e) {
            chunks.flush();
            throw malformed(e, tally);
        }
        chunks.flush();
        return tally;
    }

    private static ProblemException malformed(JsonProcessingException e, ImportTally tally) {
        String reason = "malformed JSON"
                + (e.getLocation() == null
                        ? ""
                        : " at line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr())
                + ": " + e.getOriginalMessage();
        return new ProblemException(400, "validation", "Invalid request", reason + ". " + tally.progress(),
                List.of(new Violation("", reason)), null);
    }
}
