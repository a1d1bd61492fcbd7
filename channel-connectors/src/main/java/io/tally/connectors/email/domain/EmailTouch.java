package io.tally.connectors.email.domain;

import java.time.Instant;

import io.tally.events.InteractionType;

/**
 * One email open or click as a provider reported it, already reduced to what Tally keeps: the address only as its
 * SHA-256, the URL without the address.
 *
 * @param eventId the stable id ({@code sendgrid:…}, {@code mailgun:…}, {@code esp:<provider>:…})
 * @param source the provider ({@code sendgrid}, {@code mailgun}, or the generic provider's name)
 */
public record EmailTouch(String eventId, InteractionType interactionType, Instant occurredAt, String source,
        String emailSha256, String url, String campaignCode) {
}
