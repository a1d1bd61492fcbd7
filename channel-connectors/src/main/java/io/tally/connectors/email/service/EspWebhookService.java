package io.tally.connectors.email.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.email.config.EmailConfig;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.connectors.pipeline.JsonBodies;
import io.tally.connectors.security.Signatures;
import io.tally.support.problem.ProblemException;

/**
 * Receives a delivery in Tally's generic ESP format: the provider must have a configured secret, the body's HMAC must
 * match {@code X-Tally-Signature}, then every event is ingested all or nothing.
 */
@ApplicationScoped
public class EspWebhookService {

    static final String SIGNATURE_PREFIX = "sha256=";

    @Inject
    EmailConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    EmailMetrics metrics;
    @Inject
    ObjectMapper mapper;

    /**
     * @throws ProblemException 404 (unknown provider), 401 (signature), 400 (every bad field), 503 (broker down)
     */
    public EmailWebhookOutcome receive(String provider, String signature, byte[] body) {
        String secret = provider == null ? null : config.generic().secrets().get(provider);
        if (secret == null || secret.isBlank()) {
            throw ProblemException.notFound("ESP provider '" + provider + "'");
        }
        EspConnector connector = new EspConnector(provider);
        if (signature == null || !signature.trim().startsWith(SIGNATURE_PREFIX)) {
            throw metrics.badSignature(connector.source(),
                    "the X-Tally-Signature header (sha256=<hex HMAC-SHA256 of the body>) is required");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!Signatures.hmacSha256HexMatches(secret, raw, signature.trim().substring(SIGNATURE_PREFIX.length()))) {
            throw metrics.badSignature(connector.source(), "the signature does not match the body");
        }
        JsonNode tree = JsonBodies.parse(mapper, raw);
        if (!tree.isArray()) {
            throw ProblemException.invalid("", "must be a JSON array of events");
        }
        List<JsonNode> records = new ArrayList<>();
        tree.forEach(records::add);
        Ingested ingested = pipeline.ingestAll(connector, records, true);
        return EmailWebhookOutcome.of(ingested, 0);
    }
}
