package io.tally.connectors.web.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.Money;
import io.tally.events.validation.Violations;

/**
 * Reads one beacon event from its JSON tree and checks every rule, reporting each bad field (as a path relative to the
 * event) rather than stopping at the first.
 */
public final class WebEventReader {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_URL_LENGTH = 8192;
    /** Integer digits of an amount; keeps minor units inside a {@code long}. */
    static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Duration maxClockSkew;

    public WebEventReader(Duration maxClockSkew) {
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * The event in {@code node}, or null when it breaks a rule; every broken rule is added to {@code violations}.
     *
     * @param now the current time, against which future timestamps are judged
     */
    public WebEvent read(JsonNode node, Instant now, Violations violations) {
        if (node == null || !node.isObject()) {
            violations.add("", "must be an event object");
            return null;
        }
        int before = violations.list().size();
        WebEventType type = type(node, violations);
        String messageId = text(node, "messageId", MAX_ID_LENGTH, violations);
        int beforeIds = violations.list().size();
        String anonymousId = text(node, "anonymousId", MAX_ID_LENGTH, violations);
        String userId = text(node, "userId", MAX_ID_LENGTH, violations);
        if (anonymousId == null && userId == null && violations.list().size() == beforeIds) {
            violations.add("anonymousId", "anonymousId or userId is required");
        }
        Instant timestamp = timestamp(node, now, violations);
        String url = url(node, type == WebEventType.PAGE_VIEW, violations);
        String referrer = text(node, "referrer", MAX_URL_LENGTH, violations);
        String orderId = null;
        Money revenue = null;
        String couponCode = null;
        if (type == WebEventType.PURCHASE) {
            orderId = requiredText(node, "orderId", MAX_ID_LENGTH, violations);
            revenue = revenue(node, violations);
            couponCode = text(node, "couponCode", MAX_ID_LENGTH, violations);
        }
        if (violations.list().size() > before) {
            return null;
        }
        return new WebEvent(type, messageId, anonymousId, userId, timestamp, url, referrer, orderId, revenue,
                couponCode);
    }

    private static WebEventType type(JsonNode node, Violations violations) {
        String name = requiredText(node, "type", 50, violations);
        if (name == null) {
            return null;
        }
        WebEventType type = WebEventType.fromWireName(name).orElse(null);
        if (type == null) {
            violations.add("type", "must be one of page_view, purchase");
        }
        return type;
    }

    private Instant timestamp(JsonNode node, Instant now, Violations violations) {
        String text = requiredText(node, "timestamp", 64, violations);
        if (text == null) {
            return null;
        }
        try {
            Instant timestamp = Instant.parse(text);
            if (timestamp.isAfter(now.plus(maxClockSkew))) {
                violations.add("timestamp", "must not be more than " + maxClockSkew.toSeconds()
                        + " seconds in the future");
            }
            return timestamp;
        } catch (DateTimeParseException e) {
            violations.add("timestamp", "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z");
            return null;
        }
    }

    private static String url(JsonNode node, boolean required, Violations violations) {
        String url = required
                ? requiredText(node, "url", MAX_URL_LENGTH, violations)
                : text(node, "url", MAX_URL_LENGTH, violations);
        if (url == null) {
            return null;
        }
        String campaign = UtmParameters.parse(url).campaign();
        if (!WebUrls.isAbsoluteHttp(url)) {
            violations.add("url", "must be an absolute http(s) URL");
        } else if (campaign != null && campaign.length() > MAX_ID_LENGTH) {
            violations.add("url", "utm_campaign must be at most " + MAX_ID_LENGTH + " characters");
        }
        return url;
    }

    private static Money revenue(JsonNode node, Violations violations) {
        BigDecimal amount = decimal(node, "revenue", violations);
        int before = violations.list().size();
        String currency = text(node, "currency", 16, violations);
        boolean knownCurrency = violations.list().size() == before && violations.currency("currency", currency);
        if (amount == null) {
            return null;
        }
        violations.notNegative("revenue", amount);
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            violations.add("revenue", "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        if (!knownCurrency) {
            return null;
        }
        int digits = Money.fractionDigits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            violations.add("revenue", "has more decimals than " + currency + " allows (" + digits + ")");
            return null;
        }
        return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
    }

    /** A decimal given as a JSON string ({@code "49.90"}) or an exact JSON number; null when absent. */
    private static BigDecimal decimal(JsonNode node, String field, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.required(field, null);
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual() && DECIMAL.matcher(value.asText().trim()).matches()) {
            return new BigDecimal(value.asText().trim());
        }
        violations.add(field, "must be a decimal string such as \"49.90\"");
        return null;
    }

    /** Like {@link #text}, and reports the field as required when it is absent, null or blank. */
    private static String requiredText(JsonNode node, String field, int maxLength, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            violations.required(field, null);
            return null;
        }
        return text(node, field, maxLength, violations);
    }

    /** A trimmed string field; null when absent, null or blank. Other JSON types and over-long values are reported. */
    private static String text(JsonNode node, String field, int maxLength, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(field, "must be a string");
            return null;
        }
        String text = value.asText().trim();
        if (text.length() > maxLength) {
            violations.add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }
}
