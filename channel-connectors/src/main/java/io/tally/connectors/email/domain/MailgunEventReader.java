package io.tally.connectors.email.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.InteractionType;
import io.tally.events.validation.Violations;

/**
 * Reads the {@code event-data} of one Mailgun webhook. {@code opened} and {@code clicked} are touches; delivery, failure,
 * complaint and list events are ignored by design.
 */
public final class MailgunEventReader {

    /** The provider name on touchpoints and in event ids. */
    public static final String PROVIDER = "mailgun";
    /** The Mailgun event types that are not touches. */
    public static final Set<String> IGNORED = Set.of("accepted", "rejected", "delivered", "failed", "unsubscribed",
            "complained", "stored", "list_member_uploaded", "list_member_upload_error", "list_uploaded");
    /** The ignore label of event types Mailgun may add later. */
    public static final String OTHER = "other";

    private final String campaignVariable;

    /** @param campaignVariable the user variable holding the campaign code */
    public MailgunEventReader(String campaignVariable) {
        this.campaignVariable = campaignVariable;
    }

    /** Why this event is not a touch (its type, or {@value #OTHER}); empty for opened, clicked and untyped records. */
    public Optional<String> ignoredAs(JsonNode eventData) {
        String type = EmailFields.eventType(eventData, "event");
        if (type == null || type.equals("opened") || type.equals("clicked")) {
            return Optional.empty();
        }
        return Optional.of(IGNORED.contains(type) ? type : OTHER);
    }

    /**
     * The touch in {@code eventData}; null when ignored by design or invalid (reported relative to the event data).
     */
    public EmailTouch read(JsonNode eventData, Violations violations) {
        if (eventData == null || !eventData.isObject()) {
            violations.add("", "must be an object");
            return null;
        }
        int before = violations.list().size();
        String type = EmailFields.eventType(eventData, "event", violations);
        if (type == null || ignoredAs(eventData).isPresent()) {
            return null;
        }
        InteractionType interaction = type.equals("clicked") ? InteractionType.CLICK : InteractionType.EMAIL_OPEN;
        String id = EmailFields.requiredText(eventData, "id", EmailFields.MAX_ID_LENGTH, violations);
        String email = EmailFields.email(eventData, "recipient", violations);
        Instant occurredAt = EmailFields.unixSeconds(eventData, "timestamp", violations);
        String url = interaction == InteractionType.CLICK ? EmailFields.url(eventData, "url", true, violations) : null;
        JsonNode variables = eventData.get("user-variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            violations.add("user-variables", "must be an object");
        }
        String campaign = CampaignCodes.resolve(violations,
                CampaignCodes.utmCampaign("url", url),
                new CampaignCodes.Candidate("user-variables." + campaignVariable,
                        EmailFields.scalar(variables, campaignVariable)),
                new CampaignCodes.Candidate("tags", EmailFields.first(eventData, "tags", violations)));
        if (violations.list().size() > before) {
            return null;
        }
        return new EmailTouch(PROVIDER + ":" + id, interaction, occurredAt, PROVIDER,
                IdentityKeys.emailSha256(email), EmailUrls.withoutAddress(url, email), campaign);
    }
}
