package io.tally.connectors.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.InteractionType;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class SendGridEventReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SendGridEventReader reader = new SendGridEventReader("tally_campaign", true);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void clickCampaignComesFromTheUrlBeforeTheCustomArgAndTheCategory() throws Exception {
        EmailTouch touch = reader.read(json("""
                {"event": "click", "sg_event_id": "e1", "email": "a@example.com", "timestamp": 1795342530,
                 "url": "https://shop.example/?utm_campaign=FROM-URL", "tally_campaign": "FROM-ARG",
                 "category": ["FROM-CATEGORY"]}"""), new Violations());

        assertThat(touch.campaignCode()).isEqualTo("FROM-URL");
        assertThat(touch.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(touch.eventId()).isEqualTo("sendgrid:e1");
    }

    @Test
    void withoutUtmCampaignTheCustomArgWinsThenTheFirstCategory() throws Exception {
        EmailTouch fromArg = reader.read(json("""
                {"event": "click", "sg_event_id": "e2", "email": "a@example.com", "timestamp": 1795342530,
                 "url": "https://shop.example/", "tally_campaign": "FROM-ARG", "category": "FROM-CATEGORY"}"""),
                new Violations());
        EmailTouch fromCategory = reader.read(json("""
                {"event": "open", "sg_event_id": "e3", "email": "a@example.com", "timestamp": 1795342530,
                 "category": ["  ", "spring-sale", "newsletter"]}"""), new Violations());

        assertThat(fromArg.campaignCode()).isEqualTo("FROM-ARG");
        assertThat(fromCategory.campaignCode()).isEqualTo("spring-sale");
        assertThat(fromCategory.interactionType()).isEqualTo(InteractionType.EMAIL_OPEN);
        assertThat(fromCategory.url()).isNull();
    }

    @Test
    void theConfiguredCustomArgIsRead() throws Exception {
        SendGridEventReader custom = new SendGridEventReader("campaign_id", true);

        EmailTouch touch = custom.read(json("""
                {"event": "open", "sg_event_id": "e4", "email": "a@example.com", "timestamp": 1795342530,
                 "campaign_id": 4711, "tally_campaign": "NOT-THIS"}"""), new Violations());

        assertThat(touch.campaignCode()).isEqualTo("4711");
    }

    @Test
    void theAddressIsKeptOnlyAsTheHashOfItsNormalForm() throws Exception {
        EmailTouch touch = reader.read(json("""
                {"event": "click", "sg_event_id": "e5", "email": "  Jane.Doe@Example.com ", "timestamp": 1795342530,
                 "url": "https://shop.example/welcome?email=jane.doe%40example.com&utm_campaign=BF"}"""),
                new Violations());

        assertThat(touch.emailSha256()).isEqualTo(IdentityKeys.sha256("jane.doe@example.com"));
        assertThat(touch.url()).isEqualTo("https://shop.example/welcome?utm_campaign=BF");
    }

    @Test
    void deliveryEventsAndMachineOpensAreIgnoredUnknownTypesAsOther() throws Exception {
        assertThat(reader.ignoredAs(json("{\"event\": \"delivered\"}"))).contains("delivered");
        assertThat(reader.ignoredAs(json("{\"event\": \"group_resubscribe\"}"))).contains("group_resubscribe");
        assertThat(reader.ignoredAs(json("{\"event\": \"open\", \"sg_machine_open\": true}"))).contains("machine_open");
        assertThat(reader.ignoredAs(json("{\"event\": \"brand_new_event\"}"))).contains("other");
        assertThat(reader.ignoredAs(json("{\"event\": \"open\"}"))).isEmpty();
        assertThat(reader.ignoredAs(json("{\"event\": \"click\"}"))).isEmpty();
        assertThat(new SendGridEventReader("tally_campaign", false)
                .ignoredAs(json("{\"event\": \"open\", \"sg_machine_open\": true}"))).isEmpty();
    }

    @Test
    void anIgnoredEventNeedsNoOtherField() throws Exception {
        Violations violations = new Violations();

        assertThat(reader.read(json("{\"event\": \"bounce\"}"), violations)).isNull();
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void everyBadFieldOfAClickIsReportedWithoutEchoingTheAddress() throws Exception {
        Violations violations = new Violations();

        EmailTouch touch = reader.read(json("""
                {"event": "click", "email": "jane.doe example.com", "timestamp": -5, "url": "ftp://x"}"""),
                violations);

        assertThat(touch).isNull();
        assertThat(violations.list()).extracting(Violation::field)
                .containsExactlyInAnyOrder("sg_event_id", "email", "timestamp", "url");
        assertThat(violations.list()).extracting(Violation::reason).noneMatch(r -> r.contains("jane"));
    }

    @Test
    void anOverlongCampaignCodeIsReportedOnItsField() throws Exception {
        Violations violations = new Violations();

        reader.read(json("""
                {"event": "open", "sg_event_id": "e6", "email": "a@example.com", "timestamp": 1795342530,
                 "tally_campaign": "%s"}""".formatted("x".repeat(201))), violations);

        assertThat(violations.list()).extracting(Violation::field).containsExactly("tally_campaign");
    }

    @Test
    void aRecordWithoutATypeOrNotAnObjectIsInvalid() throws Exception {
        Violations violations = new Violations();

        reader.read(json("{\"email\": \"a@example.com\"}"), violations);
        reader.read(json("42"), violations);

        assertThat(violations.list()).extracting(Violation::field).containsExactly("event", "");
    }
}
