package io.tally.connectors.email.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.InteractionType;
import io.tally.events.validation.Violations;

/**
 * Reads one event of Tally's generic ESP format: {@code {"id", "type": "open"|"click", "email", "timestamp"
 * (ISO-8601), "campaign"?, "url"?}}. The format is Tally's own, so it is strict: other types are invalid, not ignored.
 */
public final class EspEventReader {

    private final String provider;

    /** @param provider the provider name from the path; it is the touchpoints' source and part of the event ids */
    public EspEventReader(String provider) {
        this.provider = provider;
    }

    /** The touch in {@code node}; null when invalid (every bad field is reported). */
    public EmailTouch read(JsonNode node, Violations violations) {
        if (node == null || !node.isObject()) {
            violations.add("", "must be an event object");
            return null;
        }
        int before = violations.list().size();
        String id = EmailFields.requiredText(node, "id", EmailFields.MAX_ID_LENGTH, violations);
        InteractionType interaction = type(node, violations);
        String email = EmailFields.email(node, "email", violations);
        Instant occurredAt = timestamp(node, violations);
        String url = EmailFields.url(node, "url", interaction == InteractionType.CLICK, violations);
        String campaign = CampaignCodes.resolve(violations,
                new CampaignCodes.Candidate("campaign",
                        EmailFields.text(node, "campaign", EmailFields.MAX_URL_LENGTH, violations)),
                CampaignCodes.utmCampaign("url", url));
        if (violations.list().size() > before) {
            return null;
        }
        return new EmailTouch("esp:" + provider + ":" + id, interaction, occurredAt, provider,
                IdentityKeys.emailSha256(email), EmailUrls.withoutAddress(url, email), campaign);
    }

    private static InteractionType type(JsonNode node, Violations violations) {
        String type = EmailFields.eventType(node, "type", violations);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "open" -> InteractionType.EMAIL_OPEN;
            case "click" -> InteractionType.CLICK;
            default -> {
                violations.add("type", "must be one of open, click");
                yield null;
            }
        };
    }

    private static Instant timestamp(JsonNode node, Violations violations) {
        String text = EmailFields.requiredText(node, "timestamp", 64, violations);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.add("timestamp", "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z");
            return null;
        }
    }
}
