package io.tally.connectors.social.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
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
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("", "an engagement object or an array of engagements is required");
        }
        boolean batch = body.isArray();
        if (batch && body.isEmpty()) {
            throw ProblemException.invalid("", "the array must contain at least one engagement");
        }
        int max = config.engagements().maxBatchSize();
        if (batch && body.size() > max) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "a request may carry at most " + max + " engagements, this one has " + body.size(), null, null);
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
