package io.tally.connectors.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.connectors.pipeline.JsonRecords;
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
        JsonRecords records = JsonRecords.of(body, config.web().maxBatchSize(), "event");
        return pipeline.ingestAll(connector, records.records(), records.batch());
    }
}
