package io.tally.connectors.web.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

/**
 * Reads a pixel request by the beacon's rules: the parameters become a beacon event ({@code page_view} or
 * {@code email_open}) and violations are reported by parameter name ({@code aid}, {@code ts}, ...).
 */
public final class PixelHitReader {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{1,15}");
    private static final Map<String, String> PARAM_OF_FIELD = Map.of("type", "t", "messageId", "mid", "anonymousId",
            "aid", "userId", "uid", "referrer", "ref", "timestamp", "ts", "utmSource", "utm_source", "utmMedium",
            "utm_medium", "consent", "consent", "consent.analytics", "consent");

    private final WebEventReader reader;

    public PixelHitReader(java.time.Duration maxClockSkew, boolean assumeConsent) {
        this.reader = new WebEventReader(maxClockSkew, assumeConsent,
                EnumSet.of(WebEventType.PAGE_VIEW, WebEventType.EMAIL_OPEN));
    }

    /** The event of a pixel request, or null with every bad parameter added to {@code violations}. */
    public WebEvent read(PixelHit hit, Instant now, Violations violations) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        put(node, "type", hit.get("t"));
        put(node, "messageId", hit.get("mid"));
        put(node, "anonymousId", hit.get("aid"));
        put(node, "userId", hit.get("uid"));
        put(node, "url", hit.get("url"));
        put(node, "referrer", hit.get("ref"));
        put(node, "timestamp", timestamp(hit.get("ts"), now));
        put(node, "utmSource", hit.get("utm_source"));
        put(node, "utmMedium", hit.get("utm_medium"));
        String campaignParam = hit.get("utm_campaign") != null ? "utm_campaign" : "cid";
        put(node, "campaignCode", hit.get(campaignParam));
        String consent = hit.get("consent");
        if (consent != null) {
            if (consent.equals("0") || consent.equalsIgnoreCase("false")) {
                node.putObject("consent").put("analytics", false);
            } else if (consent.equals("1") || consent.equalsIgnoreCase("true")) {
                node.putObject("consent").put("analytics", true);
            } else {
                node.put("consent", "invalid");
            }
        }
        Violations found = new Violations();
        WebEvent event = reader.read(node, now, found);
        for (Violation violation : found.list()) {
            String field = violation.field();
            String param = field.equals("campaignCode") ? campaignParam : PARAM_OF_FIELD.getOrDefault(field, field);
            String reason = param.equals("consent") ? "must be 0 or 1" : violation.reason();
            violations.add(param, reason);
        }
        return found.isEmpty() ? event : null;
    }

    /** {@code ts}: an ISO-8601 instant or Unix epoch milliseconds; now when absent. */
    private static String timestamp(String ts, Instant now) {
        if (ts == null) {
            return now.toString();
        }
        return EPOCH_MILLIS.matcher(ts).matches() ? Instant.ofEpochMilli(Long.parseLong(ts)).toString() : ts;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
