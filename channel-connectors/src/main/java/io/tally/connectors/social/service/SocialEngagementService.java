package io.tally.connectors.social.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.connectors.pipeline.JsonRecords;
import io.tally.connectors.social.config.SocialConfig;
import io.tally.support.problem.ProblemException;

/** Records organic engagements: one object or an array, all or nothing, through the shared pipeline. */
@ApplicationScoped
public class SocialEngagementService {

    @Inject
    SocialConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    SocialEngagementConnector connector;

    /**
     * @throws ProblemException 400 listing every bad field, 413 for an oversized batch, 503 when Kafka did not acknowledge
     */
    public Ingested record(JsonNode body) {
        JsonRecords records = JsonRecords.of(body, config.engagements().maxBatchSize(), "engagement");
        return pipeline.ingestAll(connector, records.records(), records.batch());
    }
}
