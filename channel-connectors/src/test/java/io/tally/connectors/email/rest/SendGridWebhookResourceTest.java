package io.tally.connectors.email.rest;

import static io.tally.connectors.email.EmailFixtures.LANDING;
import static io.tally.connectors.email.EmailFixtures.NORMALISED_ADDRESS;
import static io.tally.connectors.email.EmailFixtures.SLOPPY_ADDRESS;
import static io.tally.connectors.email.EmailFixtures.anHourAgo;
import static io.tally.connectors.email.EmailFixtures.array;
import static io.tally.connectors.email.EmailFixtures.sendGridClick;
import static io.tally.connectors.email.EmailFixtures.sendGridOpen;
import static io.tally.connectors.email.EmailFixtures.sendGridOther;
import static io.tally.connectors.email.EmailFixtures.sendGridSignature;
import static io.tally.connectors.email.EmailFixtures.sha256;
import static io.tally.connectors.email.EmailFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.email.EmailFixtures;
import io.tally.connectors.email.EmailTestKeys;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.InteractionType;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
@WithTestResource(EmailTestKeys.class)
class SendGridWebhookResourceTest {

    private static final String PATH = "/api/v1/webhooks/sendgrid";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private TopicProbe touchpoints;

    @BeforeEach
    void openProbe() {
        touchpoints = TopicProbe.of(Topics.TOUCHPOINTS);
    }

    @AfterEach
    void closeProbe() {
        touchpoints.close();
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static ValidatableResponse post(String signature, String timestamp, String body) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header(SendGridWebhookResource.SIGNATURE, signature);
        }
        if (timestamp != null) {
            request = request.header(SendGridWebhookResource.TIMESTAMP, timestamp);
        }
        return request.when().post(PATH).then();
    }

    private static ValidatableResponse postSigned(String body) {
        String timestamp = now();
        return post(sendGridSignature(timestamp, body), timestamp, body);
    }

    @Test
    void signedOpenAndClickBecomeTouchpointsKeyedByTheHashOfTheNormalisedAddress() {
        String open = uniqueId("sg-open");
        String click = uniqueId("sg-click");
        String body = array(sendGridOpen(open, SLOPPY_ADDRESS, anHourAgo()),
                sendGridClick(click, SLOPPY_ADDRESS, anHourAgo(), LANDING));

        postSigned(body).statusCode(200)
                .body("accepted", equalTo(2)).body("ignored", equalTo(0)).body("deduplicated", equalTo(0))
                .body("eventIds", hasItems("sendgrid:" + open, "sendgrid:" + click));

        ConsumerRecord<String, byte[]> openRecord = touchpoints.awaitMentioning(open, 1).get(0);
        ConsumerRecord<String, byte[]> clickRecord = touchpoints.awaitMentioning(click, 1).get(0);
        Touchpoint opened = EventJson.read(openRecord.value(), Touchpoint.class);
        Touchpoint clicked = EventJson.read(clickRecord.value(), Touchpoint.class);
        String hash = sha256(NORMALISED_ADDRESS);

        assertThat(openRecord.key()).isEqualTo("emailSha256:" + hash);
        assertThat(opened.eventId()).isEqualTo("sendgrid:" + open);
        assertThat(opened.interactionType()).isEqualTo(InteractionType.EMAIL_OPEN);
        assertThat(opened.channel()).isEqualTo(Channel.EMAIL);
        assertThat(opened.source()).isEqualTo("sendgrid");
        assertThat(opened.medium()).isEqualTo("email");
        assertThat(opened.identifiers().emailSha256()).isEqualTo(hash);
        assertThat(opened.campaignCode()).as("custom arg tally_campaign").isEqualTo("BF-2026-NL");
        assertThat(clicked.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(clicked.identifiers().emailSha256()).isEqualTo(hash);
        assertThat(clicked.url()).isEqualTo(LANDING);
        assertThat(clicked.campaignCode()).as("utm_campaign of the clicked URL").isEqualTo("BF-2026");
        for (ConsumerRecord<String, byte[]> record : java.util.List.of(openRecord, clickRecord)) {
            assertThat(TopicProbe.value(record).toLowerCase(Locale.ROOT)).doesNotContain(NORMALISED_ADDRESS);
        }
    }

    @Test
    void deliveryAndListEventsAreIgnoredAndPublishNothing() {
        String marker = uniqueId("sg-ignored");
        long at = anHourAgo();
        String body = array(sendGridOther("processed", marker + "-p", "ann@example.com", at),
                sendGridOther("delivered", marker + "-d", "ann@example.com", at),
                sendGridOther("bounce", marker + "-b", "ann@example.com", at),
                sendGridOther("unsubscribe", marker + "-u", "ann@example.com", at));

        postSigned(body).statusCode(200)
                .body("accepted", equalTo(0)).body("ignored", equalTo(4)).body("eventIds.size()", equalTo(0));

        touchpoints.assertNothingMentioning(marker, QUIET);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString(
                        "tally_connectors_events_ignored_total{event=\"bounce\",source=\"email.sendgrid\"}"));
    }

    @Test
    void aSignatureFromAnotherKeyIsRefusedAndNothingIsPublished() {
        String marker = uniqueId("sg-forged");
        String body = array(sendGridOpen(marker, "ann@example.com", anHourAgo()));
        String timestamp = now();

        post(EmailFixtures.sendGridSignatureFromAnotherKey(timestamp, body), timestamp, body).statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("signature does not match"));

        touchpoints.assertNothingMentioning(marker, QUIET);
        given().when().get("/q/metrics").then()
                .body(containsString(
                        "tally_connectors_events_rejected_total{reason=\"signature\",source=\"email.sendgrid\"}"));
    }

    @Test
    void aTamperedBodyIsRefused() {
        String marker = uniqueId("sg-tampered");
        String body = array(sendGridClick(marker, "ann@example.com", anHourAgo(), LANDING));
        String timestamp = now();
        String signature = sendGridSignature(timestamp, body);

        post(signature, timestamp, body.replace("BF-2026", "FREE-MONEY")).statusCode(401)
                .contentType("application/problem+json");

        touchpoints.assertNothingMentioning(marker, QUIET);
    }

    @Test
    void aCorrectlySignedButStaleTimestampIsRefusedAsAReplay() {
        String marker = uniqueId("sg-stale");
        String body = array(sendGridOpen(marker, "ann@example.com", anHourAgo()));
        String elevenMinutesAgo = Long.toString(Instant.now().minus(Duration.ofMinutes(11)).getEpochSecond());

        post(sendGridSignature(elevenMinutesAgo, body), elevenMinutesAgo, body).statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("replay"));

        touchpoints.assertNothingMentioning(marker, QUIET);
    }

    @Test
    void missingSignatureHeadersAreRefused() {
        String marker = uniqueId("sg-unsigned");
        String body = array(sendGridOpen(marker, "ann@example.com", anHourAgo()));

        post(null, now(), body).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Twilio-Email-Event-Webhook-Signature"));
        post(sendGridSignature(now(), body), null, body).statusCode(401);

        touchpoints.assertNothingMentioning(marker, QUIET);
    }

    @Test
    void theSameDeliveryTwiceIsPublishedOnce() {
        String marker = uniqueId("sg-redelivered");
        String body = array(sendGridClick(marker, "ann@example.com", anHourAgo(), LANDING));
        String timestamp = now();
        String signature = sendGridSignature(timestamp, body);

        post(signature, timestamp, body).statusCode(200).body("accepted", equalTo(1));
        post(signature, timestamp, body).statusCode(200)
                .body("accepted", equalTo(0)).body("deduplicated", equalTo(1))
                .body("eventIds[0]", equalTo("sendgrid:" + marker));

        touchpoints.awaitMentioning(marker, 1);
        Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> touchpoints.mentioning(marker).size() == 1);
    }

    @Test
    void invalidClicksAnswer400NamingEveryFieldAndNothingIsPublished() {
        String marker = uniqueId("sg-invalid");
        String good = sendGridOpen(marker + "-ok", "ann@example.com", anHourAgo());
        String bad = """
                {"email": "not-an-address", "timestamp": "yesterday", "event": "click", "sg_event_id": "%s"}"""
                .formatted(marker + "-bad");

        postSigned(array(good, bad)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("[1].email", "[1].timestamp", "[1].url"));

        touchpoints.assertNothingMentioning(marker, QUIET);
    }

    @Test
    void aBodyThatIsNotAnArrayIsRefused400() {
        String body = sendGridOpen(uniqueId("sg-object"), "ann@example.com", anHourAgo());

        postSigned(body).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(""));
    }
}
