package io.tally.connectors.email.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.InteractionType;
import io.tally.events.validation.Violations;

/**
 * Reads one event of a SendGrid Event Webhook delivery. {@code open} and {@code click} are touches; delivery and list
 * events are ignored by design (they say nothing about the recipient meeting the programme).
 */
public final class SendGridEventReader {

    /** The provider name on touchpoints and in event ids. */
    public static final String PROVIDER = "sendgrid";
    /** The SendGrid event types that are not touches. */
    public static final Set<String> IGNORED = Set.of("processed", "delivered", "deferred", "dropped", "bounce",
            "spamreport", "unsubscribe", "group_unsubscribe", "group_resubscribe");
    /** The ignore label of opens flagged {@code sg_machine_open}. */
    public static final String MACHINE_OPEN = "machine_open";
    /** The ignore label of event types SendGrid may add later. */
    public static final String OTHER = "other";

    private final String campaignArg;
    private final boolean ignoreMachineOpens;

    /**
     * @param campaignArg the custom argument holding the campaign code
     * @param ignoreMachineOpens whether opens flagged {@code sg_machine_open} are ignored
     */
    public SendGridEventReader(String campaignArg, boolean ignoreMachineOpens) {
        this.campaignArg = campaignArg;
        this.ignoreMachineOpens = ignoreMachineOpens;
    }

    /**
     * Why this event is not a touch: its type ({@code delivered}…), {@value #MACHINE_OPEN}, or {@value #OTHER} for
     * an unknown type; empty for opens and clicks, and for records without a type (those are invalid).
     */
    public Optional<String> ignoredAs(JsonNode node) {
        String type = EmailFields.eventType(node, "event");
        if (type == null) {
            return Optional.empty();
        }
        if (type.equals("open")) {
            return ignoreMachineOpens && node.path("sg_machine_open").asBoolean(false)
                    ? Optional.of(MACHINE_OPEN)
                    : Optional.empty();
        }
        if (type.equals("click")) {
            return Optional.empty();
        }
        return Optional.of(IGNORED.contains(type) ? type : OTHER);
    }

    /** The touch in {@code node}; null when it is ignored by design or invalid (then reported in violations). */
    public EmailTouch read(JsonNode node, Violations violations) {
        if (node == null || !node.isObject()) {
            violations.add("", "must be an event object");
            return null;
        }
        int before = violations.list().size();
        String type = EmailFields.eventType(node, "event", violations);
        if (type == null || ignoredAs(node).isPresent()) {
            return null;
        }
        InteractionType interaction = type.equals("click") ? InteractionType.CLICK : InteractionType.EMAIL_OPEN;
        String sgEventId = EmailFields.requiredText(node, "sg_event_id", EmailFields.MAX_ID_LENGTH, violations);
        String email = EmailFields.email(node, "email", violations);
        Instant occurredAt = EmailFields.unixSeconds(node, "timestamp", violations);
        String url = interaction == InteractionType.CLICK ? EmailFields.url(node, "url", true, violations) : null;
        String campaign = CampaignCodes.resolve(violations,
                CampaignCodes.utmCampaign("url", url),
                new CampaignCodes.Candidate(campaignArg, EmailFields.scalar(node, campaignArg)),
                new CampaignCodes.Candidate("category", EmailFields.first(node, "category", violations)));
        if (violations.list().size() > before) {
            return null;
        }
        return new EmailTouch(PROVIDER + ":" + sgEventId, interaction, occurredAt, PROVIDER,
                IdentityKeys.emailSha256(email), EmailUrls.withoutAddress(url, email), campaign);
    }
}
