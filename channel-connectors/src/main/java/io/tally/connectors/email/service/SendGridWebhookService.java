package io.tally.connectors.email.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.email.config.EmailConfig;
import io.tally.connectors.email.domain.SignedTimestamps;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.connectors.pipeline.JsonBodies;
import io.tally.connectors.security.Signatures;
import io.tally.support.problem.ProblemException;

/**
 * Receives a SendGrid Event Webhook delivery: verifies the ECDSA signature over timestamp + raw body and the
 * timestamp's age before anything is parsed, then ingests opens and clicks all or nothing and counts the rest as ignored.
 */
@ApplicationScoped
public class SendGridWebhookService {

    private final Clock clock = Clock.systemUTC();

    @Inject
    EmailConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    SendGridConnector connector;
    @Inject
    EmailMetrics metrics;
    @Inject
    ObjectMapper mapper;

    /**
     * @throws ProblemException 401 (signature, stale timestamp), 400 (every bad field), 503 (broker down)
     */
    public EmailWebhookOutcome receive(String signature, String timestamp, byte[] body) {
        verify(signature, timestamp, body == null ? new byte[0] : body);
        JsonNode tree = JsonBodies.parse(mapper, body);
        if (!tree.isArray()) {
            throw ProblemException.invalid("", "must be a JSON array of SendGrid events");
        }
        List<JsonNode> records = new ArrayList<>();
        tree.forEach(records::add);
        Ingested ingested = pipeline.ingestAll(connector, records, true);
        int ignored = 0;
        for (JsonNode record : records) {
            String label = connector.reader().ignoredAs(record).orElse(null);
            if (label != null) {
                metrics.ignored(SendGridConnector.SOURCE, label, 1);
                ignored++;
            }
        }
        return EmailWebhookOutcome.of(ingested, ignored);
    }

    private void verify(String signature, String timestamp, byte[] body) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw metrics.badSignature(SendGridConnector.SOURCE, "the X-Twilio-Email-Event-Webhook-Signature and "
                    + "X-Twilio-Email-Event-Webhook-Timestamp headers are required");
        }
        String key = config.sendgrid().verificationKey().orElse(null);
        byte[] signed = Signatures.concat(timestamp.getBytes(StandardCharsets.UTF_8), body);
        if (!Signatures.ecdsaP256Matches(key, signed, signature)) {
            throw metrics.badSignature(SendGridConnector.SOURCE,
                    "the signature does not match the timestamp and body");
        }
        Instant signedAt = SignedTimestamps.parseUnixSeconds(timestamp).orElse(null);
        if (signedAt == null
                || !SignedTimestamps.isFresh(signedAt, clock.instant(), config.sendgrid().timestampTolerance())) {
            throw metrics.stale(SendGridConnector.SOURCE, "the signed timestamp is more than "
                    + config.sendgrid().timestampTolerance().toSeconds() + " seconds from now; refused as a replay");
        }
    }
}
