package io.tally.connectors.social.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Identifiers;
import io.tally.events.validation.Violations;

/**
 * Reads one organic engagement from its JSON tree, reporting every bad field. A raw e-mail address is hashed at once
 * and never appears in an error message.
 */
public final class EngagementReader {

    private static final int MAX_ID_LENGTH = 200;
    private static final Pattern NETWORK = Pattern.compile("[a-z][a-z0-9_.-]{0,49}");
    private static final String TYPES = Arrays.stream(EngagementType.values()).map(EngagementType::wireName)
            .collect(Collectors.joining(", "));

    private final Duration maxClockSkew;

    public EngagementReader(Duration maxClockSkew) {
        this.maxClockSkew = maxClockSkew;
    }

    /** The engagement in {@code node}, or null when a field is bad (each is added to {@code violations}). */
    public Engagement read(JsonNode node, Instant now, Violations violations) {
        if (node == null || !node.isObject()) {
            violations.add("", "must be an engagement object");
            return null;
        }
        int before = violations.list().size();
        String id = required(node, "id", violations);
        if (id != null) {
            id = id.trim();
            violations.maxLength("id", id, MAX_ID_LENGTH);
        }
        String network = network(node, violations);
        EngagementType type = type(node, violations);
        Instant occurredAt = occurredAt(node, now, violations);
        String linkId = optional(node, "linkId", violations);
        String anonymousId = optional(node, "anonymousId", violations);
        String userId = optional(node, "userId", violations);
        String email = text(node, "email", violations);
        if (email != null && !email.isBlank() && !email.contains("@")) {
            violations.add("email", "must be an e-mail address");
        }
        String emailSha256 = IdentityKeys.emailSha256(email);
        if (anonymousId == null && userId == null && emailSha256 == null) {
            violations.add("anonymousId", "anonymousId, userId or email is required");
        }
        if (violations.list().size() > before) {
            return null;
        }
        return new Engagement(id, network, type, occurredAt, linkId,
                new Identifiers(anonymousId, userId, emailSha256, null, null, null));
    }

    private static String network(JsonNode node, Violations violations) {
        String value = required(node, "network", violations);
        if (value == null) {
            return null;
        }
        String network = value.trim().toLowerCase(Locale.ROOT);
        if (!NETWORK.matcher(network).matches()) {
            violations.add("network", "must be a network name such as instagram (letters, digits, _ . -)");
            return null;
        }
        return network;
    }

    private static EngagementType type(JsonNode node, Violations violations) {
        String value = required(node, "type", violations);
        if (value == null) {
            return null;
        }
        EngagementType type = EngagementType.fromWireName(value).orElse(null);
        if (type == null) {
            violations.add("type", "must be one of " + TYPES);
        }
        return type;
    }

    private Instant occurredAt(JsonNode node, Instant now, Violations violations) {
        String value = required(node, "occurredAt", violations);
        if (value == null) {
            return null;
        }
        try {
            Instant occurredAt = OffsetDateTime.parse(value.trim()).toInstant();
            if (occurredAt.isAfter(now.plus(maxClockSkew))) {
                violations.add("occurredAt", "must not be more than " + maxClockSkew.toSeconds()
                        + " seconds in the future");
            }
            return occurredAt;
        } catch (DateTimeParseException e) {
            violations.add("occurredAt", "must be an ISO-8601 date-time with offset such as 2026-11-22T10:15:30Z");
            return null;
        }
    }

    private static String optional(JsonNode node, String field, Violations violations) {
        String value = text(node, field, violations);
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        violations.maxLength(field, trimmed, MAX_ID_LENGTH);
        return trimmed;
    }

    /** A required string field's value; null (and reported) when absent, blank or not a string. */
    private static String required(JsonNode node, String field, Violations violations) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            violations.add(field, "must be a string");
            return null;
        }
        String text = value == null || value.isNull() ? null : value.asText();
        return violations.required(field, text) ? text : null;
    }

    /** A string field's value; a non-string value is reported. */
    private static String text(JsonNode node, String field, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(field, "must be a string");
            return null;
        }
        return value.asText();
    }
}
