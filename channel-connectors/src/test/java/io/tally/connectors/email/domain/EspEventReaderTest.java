package io.tally.connectors.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.events.InteractionType;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class EspEventReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EspEventReader reader = new EspEventReader("acme");

    @Test
    void theCampaignFieldWinsOverTheUtmCampaign() throws Exception {
        EmailTouch touch = reader.read(JSON.readTree("""
                {"id": "7", "type": "click", "email": "a@example.com", "timestamp": "2026-11-22T11:15:30+01:00",
                 "campaign": "EXPLICIT", "url": "https://shop.example/?utm_campaign=FROM-URL"}"""), new Violations());

        assertThat(touch.eventId()).isEqualTo("esp:acme:7");
        assertThat(touch.source()).isEqualTo("acme");
        assertThat(touch.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(touch.campaignCode()).isEqualTo("EXPLICIT");
        assertThat(touch.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
    }

    @Test
    void otherTypesAreInvalidNotIgnoredBecauseTheFormatIsTallysOwn() throws Exception {
        Violations violations = new Violations();

        reader.read(JSON.readTree("""
                {"id": "8", "type": "delivered", "email": "a@example.com", "timestamp": "2026-11-22T10:15:30Z"}"""),
                violations);

        assertThat(violations.list()).extracting(Violation::field).containsExactly("type");
    }

    @Test
    void aClickNeedsAnAbsoluteUrl() throws Exception {
        Violations violations = new Violations();

        reader.read(JSON.readTree("""
                {"id": "9", "type": "click", "email": "a@example.com", "timestamp": "2026-11-22T10:15:30Z",
                 "url": "/relative"}"""), violations);

        assertThat(violations.list()).extracting(Violation::field).containsExactly("url");
    }
}
