package io.tally.connectors.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.events.InteractionType;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class MailgunEventReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MailgunEventReader reader = new MailgunEventReader("tally_campaign");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void clickedKeepsMicrosecondsAndPrefersUtmThenUserVariableThenFirstTag() throws Exception {
        EmailTouch fromUrl = reader.read(json("""
                {"event": "clicked", "id": "Ase7i2zsRYeDXztHGENqRA", "timestamp": 1521472262.908181,
                 "recipient": "alice@example.com", "url": "https://shop.example/?utm_campaign=URL",
                 "user-variables": {"tally_campaign": "VAR"}, "tags": ["TAG"]}"""), new Violations());
        EmailTouch fromVariable = reader.read(json("""
                {"event": "opened", "id": "b", "timestamp": 1521472262, "recipient": "alice@example.com",
                 "user-variables": {"tally_campaign": "VAR"}, "tags": ["TAG"]}"""), new Violations());
        EmailTouch fromTag = reader.read(json("""
                {"event": "opened", "id": "c", "timestamp": 1521472262, "recipient": "alice@example.com",
                 "user-variables": {}, "tags": ["TAG", "OTHER"]}"""), new Violations());

        assertThat(fromUrl.eventId()).isEqualTo("mailgun:Ase7i2zsRYeDXztHGENqRA");
        assertThat(fromUrl.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(fromUrl.occurredAt()).isEqualTo(Instant.parse("2018-03-19T15:11:02.908181Z"));
        assertThat(fromUrl.campaignCode()).isEqualTo("URL");
        assertThat(fromVariable.campaignCode()).isEqualTo("VAR");
        assertThat(fromVariable.interactionType()).isEqualTo(InteractionType.EMAIL_OPEN);
        assertThat(fromTag.campaignCode()).isEqualTo("TAG");
    }

    @Test
    void nonTouchEventsAreIgnored() throws Exception {
        assertThat(reader.ignoredAs(json("{\"event\": \"delivered\"}"))).contains("delivered");
        assertThat(reader.ignoredAs(json("{\"event\": \"complained\"}"))).contains("complained");
        assertThat(reader.ignoredAs(json("{\"event\": \"something-new\"}"))).contains("other");
        assertThat(reader.ignoredAs(json("{\"event\": \"opened\"}"))).isEmpty();
    }

    @Test
    void badFieldsAreReportedByName() throws Exception {
        Violations violations = new Violations();

        reader.read(json("""
                {"event": "clicked", "timestamp": "soon", "recipient": "x", "user-variables": []}"""), violations);

        assertThat(violations.list()).extracting(Violation::field)
                .containsExactlyInAnyOrder("id", "timestamp", "recipient", "url", "user-variables");
    }
}
