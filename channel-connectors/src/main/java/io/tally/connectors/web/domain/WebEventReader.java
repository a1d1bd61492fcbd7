package io.tally.connectors.web.domain;

import static io.tally.connectors.domain.JsonFields.requiredText;
import static io.tally.connectors.domain.JsonFields.text;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.domain.JsonFields;
import io.tally.events.Money;
import io.tally.events.validation.Violations;

/**
 * Reads one beacon event from its JSON tree and checks every rule, reporting each bad field (as a path relative to the
 * event) rather than stopping at the first.
 */
public final class WebEventReader {

    /** The types {@code POST /api/v1/collect} accepts. */
    public static final Set<WebEventType> COLLECT_TYPES = EnumSet.of(WebEventType.PAGE_VIEW, WebEventType.CLICK,
            WebEventType.SIGN_UP, WebEventType.PURCHASE, WebEventType.REFUND);

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_URL_LENGTH = 8192;

    private final Duration maxClockSkew;
    private final boolean assumeConsent;
    private final Set<WebEventType> types;

    /** A reader of the collect endpoint's types that assumes consent when an event says nothing about it. */
    public WebEventReader(Duration maxClockSkew) {
        this(maxClockSkew, true, COLLECT_TYPES);
    }

    /**
     * @param assumeConsent whether an event without {@code consent.analytics} counts as consent given
     * @param types the event types accepted
     */
    public WebEventReader(Duration maxClockSkew, boolean assumeConsent, Set<WebEventType> types) {
        this.maxClockSkew = maxClockSkew;
        this.assumeConsent = assumeConsent;
        this.types = Set.copyOf(types);
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
        if (violations.list().size() == beforeIds) {
            if (type == WebEventType.SIGN_UP) {
                violations.required("anonymousId", anonymousId);
                violations.required("userId", userId);
            } else if (anonymousId == null && userId == null) {
                violations.add("anonymousId", "anonymousId or userId is required");
            }
        }
        Instant timestamp = timestamp(node, now, violations);
        String url = url(node, type == WebEventType.PAGE_VIEW || type == WebEventType.CLICK, violations);
        String referrer = text(node, "referrer", MAX_URL_LENGTH, violations);
        boolean consent = consent(node, violations);
        JsonNode properties = properties(node, violations);
        String orderId = null;
        Money amount = null;
        String couponCode = null;
        String emailSha256 = null;
        String refundId = null;
        UtmParameters campaign = null;
        if (type == WebEventType.PURCHASE || type == WebEventType.REFUND) {
            orderId = requiredText(node, "orderId", MAX_ID_LENGTH, violations);
        }
        if (type == WebEventType.PURCHASE) {
            amount = JsonFields.money(node, "revenue", "currency", violations);
            couponCode = text(node, "couponCode", MAX_ID_LENGTH, violations);
        }
        if (type == WebEventType.REFUND) {
            amount = JsonFields.money(node, "amount", "currency", violations);
            if (amount != null && amount.amount().signum() == 0) {
                violations.add("amount", "must be greater than zero");
            }
            refundId = text(node, "refundId", MAX_ID_LENGTH, violations);
        }
        if (properties != null && (type == WebEventType.SIGN_UP || type == WebEventType.PURCHASE)) {
            emailSha256 = propertiesEmail(properties, violations);
        }
        if (type == WebEventType.EMAIL_OPEN) {
            campaign = new UtmParameters(text(node, "utmSource", MAX_ID_LENGTH, violations),
                    text(node, "utmMedium", MAX_ID_LENGTH, violations),
                    text(node, "campaignCode", MAX_ID_LENGTH, violations), Set.of());
        }
        if (violations.list().size() > before) {
            return null;
        }
        return new WebEvent(type, messageId, anonymousId, userId, timestamp, url, referrer, orderId, amount,
                couponCode, emailSha256, refundId, campaign, consent);
    }

    private WebEventType type(JsonNode node, Violations violations) {
        String name = requiredText(node, "type", 50, violations);
        if (name == null) {
            return null;
        }
        WebEventType type = WebEventType.fromWireName(name).filter(types::contains).orElse(null);
        if (type == null) {
            violations.add("type", "must be one of " + types.stream().sorted().map(WebEventType::wireName)
                    .collect(Collectors.joining(", ")));
        }
        return type;
    }

    /** {@code consent.analytics}: true or false; the configured default when the object or the flag is missing. */
    private boolean consent(JsonNode node, Violations violations) {
        JsonNode consent = node.get("consent");
        if (consent == null || consent.isNull()) {
            return assumeConsent;
        }
        if (!consent.isObject()) {
            violations.add("consent", "must be an object such as {\"analytics\": false}");
            return assumeConsent;
        }
        JsonNode analytics = consent.get("analytics");
        if (analytics == null || analytics.isNull()) {
            return assumeConsent;
        }
        if (!analytics.isBoolean()) {
            violations.add("consent.analytics", "must be true or false");
            return assumeConsent;
        }
        return analytics.booleanValue();
    }

    /** The free-form {@code properties} object (only documented keys are read); null when absent. */
    private static JsonNode properties(JsonNode node, Violations violations) {
        JsonNode properties = node.get("properties");
        if (properties == null || properties.isNull()) {
            return null;
        }
        if (!properties.isObject()) {
            violations.add("properties", "must be an object");
            return null;
        }
        return properties;
    }

    private static String propertiesEmail(JsonNode properties, Violations violations) {
        String[] hash = new String[1];
        violations.nested("properties", properties, p -> hash[0] = JsonFields.emailSha256(p, "email", violations));
        return hash[0];
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
}
