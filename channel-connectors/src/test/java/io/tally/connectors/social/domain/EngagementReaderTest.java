package io.tally.connectors.social.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Channel;
import io.tally.events.InteractionType;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class EngagementReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EngagementReader reader = new EngagementReader(Duration.ofMinutes(10));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aPostClickIsAClickTouchpointOnOrganicSocial() throws Exception {
        Engagement engagement = reader.read(json("""
                {"id": "17895695668004550", "network": "Instagram", "type": "post_click",
                 "occurredAt": "2026-11-22T10:15:30Z", "linkId": "BF-2026", "anonymousId": "a-7f3c9e"}"""), NOW,
                new Violations());

        Touchpoint touchpoint = engagement.toTouchpoint();
        assertThat(touchpoint.eventId()).isEqualTo("social:instagram:17895695668004550");
        assertThat(touchpoint.channel()).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(touchpoint.source()).isEqualTo("instagram");
        assertThat(touchpoint.campaignCode()).isEqualTo("BF-2026");
    }

    @Test
    void sharesAndCommentsAreEngagements() {
        assertThat(EngagementType.fromWireName("share")).map(EngagementType::interaction)
                .contains(InteractionType.ENGAGEMENT);
        assertThat(EngagementType.fromWireName("comment")).map(EngagementType::interaction)
                .contains(InteractionType.ENGAGEMENT);
    }

    @Test
    void anEmailIsKeptOnlyAsItsHash() throws Exception {
        Engagement engagement = reader.read(json("""
                {"id": "1", "network": "linkedin", "type": "share", "occurredAt": "2026-11-22T10:15:30Z",
                 "email": " Jane@Example.com "}"""), NOW, new Violations());

        assertThat(engagement.identifiers().emailSha256()).isEqualTo(IdentityKeys.emailSha256("jane@example.com"));
        assertThat(engagement.toString()).doesNotContainIgnoringCase("jane@example.com");
    }

    @Test
    void everyBadFieldIsReportedWithoutEchoingTheEmail() throws Exception {
        Violations violations = new Violations();
        Engagement engagement = reader.read(json("""
                {"id": 42, "network": "my network", "type": "like", "occurredAt": "2026-11-22T13:00:00Z",
                 "email": "jane-at-example.com"}"""), NOW, violations);

        assertThat(engagement).isNull();
        assertThat(violations.list()).extracting(Violation::field).containsExactly("id", "network", "type",
                "occurredAt", "email");
        assertThat(violations.list()).extracting(Violation::reason).noneMatch(r -> r.contains("jane-at-example.com"));
    }

    @Test
    void anEngagementWithoutAnyIdentifierIsRejected() throws Exception {
        Violations violations = new Violations();
        reader.read(json("""
                {"id": "1", "network": "x", "type": "comment", "occurredAt": "2026-11-22T10:15:30Z"}"""), NOW,
                violations);

        assertThat(violations.list()).extracting(Violation::field).containsExactly("anonymousId");
    }
}
