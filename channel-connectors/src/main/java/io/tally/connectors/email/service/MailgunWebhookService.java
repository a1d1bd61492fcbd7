package io.tally.connectors.email.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Receives one Mailgun webhook. Mailgun signs inside the body, so the JSON is parsed for its syntax and the
 * {@code signature} object first; nothing of {@code event-data} is read before the HMAC, the timestamp's age and the
 * one-time token are verified.
 */
@ApplicationScoped
public class MailgunWebhookService {

    static final int MAX_TOKEN_LENGTH = 200;
    private final Clock clock = Clock.systemUTC();

    @Inject
    EmailConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    MailgunConnector connector;
    @Inject
    WebhookTokenStore tokens;
    @Inject
    EmailMetrics metrics;
    @Inject
    ObjectMapper mapper;

    /**
     * @throws ProblemException 401 (signature, stale, replayed token), 400 (every bad field), 503 (broker down)
     */
    public EmailWebhookOutcome receive(byte[] body) {
        JsonNode tree = JsonBodies.parse(mapper, body);
        if (!tree.isObject()) {
            throw ProblemException.invalid("", "must be a Mailgun webhook object with signature and event-data");
        }
        String token = verify(tree.path("signature"));
        try {
            JsonNode eventData = tree.get("event-data");
            if (eventData == null || !eventData.isObject()) {
                throw ProblemException.invalid("event-data", "is required: the event object");
            }
            Ingested ingested = pipeline.ingestAll(connector, List.of(eventData), false);
            String label = connector.reader().ignoredAs(eventData).orElse(null);
            if (label != null) {
                metrics.ignored(MailgunConnector.SOURCE, label, 1);
            }
            return EmailWebhookOutcome.of(ingested, label == null ? 0 : 1);
        } catch (RuntimeException notProcessed) {
            tokens.release(MailgunConnector.SOURCE, token);
            throw notProcessed;
        }
    }

    /** Verifies signature, age and token; returns the token, now claimed. */
    private String verify(JsonNode signature) {
        String timestamp = text(signature, "timestamp");
        String token = text(signature, "token");
        String hex = text(signature, "signature");
        if (timestamp == null || token == null || hex == null) {
            throw metrics.badSignature(MailgunConnector.SOURCE,
                    "the signature object with timestamp, token and signature is required");
        }
        String key = config.mailgun().signingKey().orElse(null);
        byte[] signed = (timestamp + token).getBytes(StandardCharsets.UTF_8);
        if (!Signatures.hmacSha256HexMatches(key, signed, hex)) {
            throw metrics.badSignature(MailgunConnector.SOURCE, "the signature does not match the timestamp and token");
        }
        Duration tolerance = config.mailgun().timestampTolerance();
        Instant signedAt = SignedTimestamps.parseUnixSeconds(timestamp).orElse(null);
        if (signedAt == null || !SignedTimestamps.isFresh(signedAt, clock.instant(), tolerance)) {
            throw metrics.stale(MailgunConnector.SOURCE, "the signed timestamp is more than " + tolerance.toSeconds()
                    + " seconds from now; refused as a replay");
        }
        if (token.length() > MAX_TOKEN_LENGTH
                || !tokens.claim(MailgunConnector.SOURCE, token, signedAt.plus(tolerance))) {
            throw metrics.replayed(MailgunConnector.SOURCE,
                    "the signature token was already used: the request was replayed");
        }
        return token;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText().trim() : null;
    }
}
