package io.tally.connectors.web.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.connectors.pipeline.JsonBodies;
import io.tally.connectors.pipeline.SourceMetrics;
import io.tally.connectors.security.Signatures;
import io.tally.connectors.web.config.ShopifyConfig;
import io.tally.connectors.web.domain.ShopifyTopic;
import io.tally.connectors.web.domain.ShopifyWebhook;
import io.tally.support.problem.ProblemException;

/**
 * Receives Shopify webhooks: verifies {@code X-Shopify-Hmac-Sha256} over the raw body before anything else, then
 * ingests orders and refunds all or nothing through the shared pipeline. Other topics are acknowledged and ignored.
 */
@ApplicationScoped
public class ShopifyWebhookService {

    private static final Logger LOG = Logger.getLogger(ShopifyWebhookService.class);

    @Inject
    ShopifyConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    ShopifyConnector connector;
    @Inject
    SourceMetrics metrics;
    @Inject
    ObjectMapper mapper;

    /** What became of a delivery: the topic read (empty when ignored) and what the pipeline did. */
    public record Outcome(Optional<ShopifyTopic> topic, Ingested ingested) {
    }

    /**
     * @throws ProblemException 401 for a missing or wrong signature (nothing is read or published), 400 for an invalid
     *         body or a missing topic, 503 when Kafka did not acknowledge
     */
    public Outcome receive(byte[] body, String topicHeader, String hmac, String webhookId) {
        byte[] raw = body == null ? new byte[0] : body;
        if (hmac == null || hmac.isBlank()) {
            throw refused("the X-Shopify-Hmac-Sha256 header is missing");
        }
        if (!Signatures.hmacSha256Base64Matches(config.secret().orElse(null), raw, hmac)) {
            throw refused("the X-Shopify-Hmac-Sha256 signature does not match the body");
        }
        if (topicHeader == null || topicHeader.isBlank()) {
            throw ProblemException.invalid("X-Shopify-Topic", "is required");
        }
        Optional<ShopifyTopic> topic = ShopifyTopic.fromHeader(topicHeader.trim());
        if (topic.isEmpty()) {
            LOG.debugf("ignored Shopify webhook %s on topic %s", webhookId, topicHeader);
            return new Outcome(topic, new Ingested(List.of(), List.of(), List.of(), List.of()));
        }
        JsonNode tree = JsonBodies.parse(mapper, raw);
        return new Outcome(topic, pipeline.ingestAll(connector,
                List.of(new ShopifyWebhook(topic.get(), webhookId, tree)), false));
    }

    private ProblemException refused(String detail) {
        metrics.rejected(ShopifyConnector.SOURCE, "signature", 1);
        return ProblemException.unauthorized(detail);
    }
}
