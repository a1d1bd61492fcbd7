package io.tally.connectors.email.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.domain.JsonFields;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.connectors.web.domain.WebUrls;
import io.tally.events.validation.Violations;

/**
 * Reads the email-specific fields of webhook JSON (event types, addresses, URLs, unix timestamps, tags) on top of the
 * shared {@link JsonFields}, reporting every bad one by name; never echoes a value (it may be an address).
 */
final class EmailFields {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_URL_LENGTH = 8192;
    static final int MAX_EMAIL_LENGTH = 320;
    /** 9999-12-31T23:59:59Z: later "timestamps" are garbage, not dates. */
    private static final BigDecimal MAX_UNIX_SECONDS = BigDecimal.valueOf(253402300799L);

    private EmailFields() {
    }

    static String text(JsonNode node, String field, int maxLength, Violations violations) {
        return JsonFields.text(node, field, maxLength, violations);
    }

    static String requiredText(JsonNode node, String field, int maxLength, Violations violations) {
        return JsonFields.requiredText(node, field, maxLength, violations);
    }

    /** The lower-cased event type, or null (reported) when absent or not a string. */
    static String eventType(JsonNode node, String field, Violations violations) {
        String type = requiredText(node, field, 64, violations);
        return type == null ? null : type.toLowerCase(Locale.ROOT);
    }

    /** The lower-cased event type without reporting anything; null when absent or not a string. */
    static String eventType(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? value.asText().trim().toLowerCase(Locale.ROOT)
                : null;
    }

    /**
     * The raw address, trimmed; null (reported) when absent or not address-like. The reasons never contain the value.
     * Callers hash it at once with {@link IdentityKeys#emailSha256} and use the raw form only to clean URLs.
     */
    static String email(JsonNode node, String field, Violations violations) {
        String email = requiredText(node, field, MAX_EMAIL_LENGTH, violations);
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
            violations.add(field, "must be an email address");
            return null;
        }
        return email;
    }

    /** An absolute http(s) URL; reported when required and missing, or malformed. */
    static String url(JsonNode node, String field, boolean required, Violations violations) {
        String url = required
                ? requiredText(node, field, MAX_URL_LENGTH, violations)
                : text(node, field, MAX_URL_LENGTH, violations);
        if (url != null && !WebUrls.isAbsoluteHttp(url)) {
            violations.add(field, "must be an absolute http(s) URL");
            return null;
        }
        return url;
    }

    /** Unix seconds as a JSON number (or a numeric string), fractions allowed; required. */
    static Instant unixSeconds(JsonNode node, String field, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(field, "is required");
            return null;
        }
        BigDecimal seconds = null;
        if (value.isNumber()) {
            seconds = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                seconds = new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                seconds = null;
            }
        }
        if (seconds == null || seconds.signum() <= 0 || seconds.compareTo(MAX_UNIX_SECONDS) > 0) {
            violations.add(field, "must be a unix timestamp in seconds");
            return null;
        }
        return SignedTimestamps.unixSeconds(seconds);
    }

    /** The first non-blank string of a string-or-array field ({@code category}, {@code tags}); null when none. */
    static String first(JsonNode node, String field, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText().isBlank() ? null : value.asText().trim();
        }
        if (!value.isArray()) {
            violations.add(field, "must be a string or an array of strings");
            return null;
        }
        for (JsonNode element : value) {
            if (element.isTextual() && !element.asText().isBlank()) {
                return element.asText().trim();
            }
        }
        return null;
    }

    /** A scalar field read as text (custom args may be numbers); null when absent, an object or an array. */
    static String scalar(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
