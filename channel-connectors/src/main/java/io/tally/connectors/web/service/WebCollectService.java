package io.tally.connectors.web.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.support.problem.ProblemException;

/**
 * Collects beacon events: one object or an array, all or nothing, through the shared pipeline (validation against the
 * contract, deduplication, publishing with broker acknowledgement).
 */
@ApplicationScoped
public class WebCollectService {

    @Inject
    ConnectorsConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    WebBeaconConnector connector;

    /**
     * @return what was published now and what had been published before (retries, double-sent beacons)
     * @throws ProblemException 400 listing every bad field, 413 for an oversized batch, 503 when Kafka did not acknowledge
     */
    public Ingested collect(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("", "an event object or an array of events is required");
        }
        boolean batch = body.isArray();
        if (batch && body.isEmpty()) {
            throw ProblemException.invalid("", "the array must contain at least one event");
        }
        int max = config.web().maxBatchSize();
        if (batch && body.size() > max) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "a request may carry at most " + max + " events, this one has " + body.size(), null, null);
        }
        List<JsonNode> records = new ArrayList<>();
        if (batch) {
            body.forEach(records::add);
        } else {
            records.add(body);
        }
        return pipeline.ingestAll(connector, records, batch);
    }
}
