package io.tally.connectors.email.rest;

import static io.tally.connectors.email.EmailFixtures.LANDING;
import static io.tally.connectors.email.EmailFixtures.NORMALISED_ADDRESS;
import static io.tally.connectors.email.EmailFixtures.SLOPPY_ADDRESS;
import static io.tally.connectors.email.EmailFixtures.array;
import static io.tally.connectors.email.EmailFixtures.espEvent;
import static io.tally.connectors.email.EmailFixtures.espSecret;
import static io.tally.connectors.email.EmailFixtures.espSignature;
import static io.tally.connectors.email.EmailFixtures.sha256;
import static io.tally.connectors.email.EmailFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.email.EmailTestKeys;
import io.tally.devstack.DevstackResource;
import io.tally.events.InteractionType;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
@WithTestResource(EmailTestKeys.class)
class EspWebhookResourceTest {

    private static final String PROVIDER = EmailTestKeys.ESP_PROVIDER;
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

    private static ValidatableResponse post(String provider, String signature, String body) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header(EspWebhookResource.SIGNATURE, signature);
        }
        return request.when().post("/api/v1/webhooks/esp/{provider}", provider).then();
    }

    @Test
    void signedOpenAndClickBecomeTouchpointsOfTheProvider() {
        String open = uniqueId("esp-open");
        String click = uniqueId("esp-click");
        String body = array(espEvent(open, "open", SLOPPY_ADDRESS, "BF-2026-ESP", null),
                espEvent(click, "click", SLOPPY_ADDRESS, null, LANDING));

        post(PROVIDER, espSignature(espSecret(), body), body).statusCode(200)
                .body("accepted", equalTo(2))
                .body("eventIds", contains("esp:" + PROVIDER + ":" + open, "esp:" + PROVIDER + ":" + click));

        Touchpoint opened = EventJson.read(touchpoints.awaitMentioning(open, 1).get(0).value(), Touchpoint.class);
        var clickRecord = touchpoints.awaitMentioning(click, 1).get(0);
        Touchpoint clicked = EventJson.read(clickRecord.value(), Touchpoint.class);
        assertThat(opened.interactionType()).isEqualTo(InteractionType.EMAIL_OPEN);
        assertThat(opened.source()).isEqualTo(PROVIDER);
        assertThat(opened.campaignCode()).isEqualTo("BF-2026-ESP");
        assertThat(clicked.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(clicked.campaignCode()).as("utm_campaign when no campaign is given").isEqualTo("BF-2026");
        assertThat(clicked.identifiers().emailSha256()).isEqualTo(sha256(NORMALISED_ADDRESS));
        assertThat(TopicProbe.value(clickRecord).toLowerCase(Locale.ROOT)).doesNotContain(NORMALISED_ADDRESS);
    }

    @Test
    void aSignatureWithTheWrongSecretIsRefusedAndNothingIsPublished() {
        String id = uniqueId("esp-wrong-secret");
        String body = array(espEvent(id, "open", "ann@example.com", "BF-2026", null));

        post(PROVIDER, espSignature("not-the-secret", body), body).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("does not match"));
        post(PROVIDER, null, body).statusCode(401).body("detail", containsString("X-Tally-Signature"));

        touchpoints.assertNothingMentioning(id, QUIET);
    }

    @Test
    void anUnknownProviderIsNotFound() {
        String body = array(espEvent(uniqueId("esp-unknown"), "open", "ann@example.com", "BF-2026", null));

        post("no-such-esp", espSignature(espSecret(), body), body).statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:not-found"))
                .body("detail", containsString("no-such-esp"));
    }

    @Test
    void invalidEventsAnswer400NamingEveryFieldAndNothingIsPublished() {
        String id = uniqueId("esp-invalid");
        String body = array(espEvent(id + "-ok", "open", "ann@example.com", "BF-2026", null),
                """
                        {"id": "%s", "type": "bounce", "email": "ann(at)example.com", "timestamp": "22.11.2026"}"""
                        .formatted(id + "-bad"),
                espEvent(id + "-click", "click", "ann@example.com", null, null));

        post(PROVIDER, espSignature(espSecret(), body), body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("[1].type", "[1].email", "[1].timestamp", "[2].url"));

        touchpoints.assertNothingMentioning(id, QUIET);
    }

    @Test
    void theSameDeliveryTwiceIsPublishedOnce() {
        String id = uniqueId("esp-twice");
        String body = array(espEvent(id, "click", "ann@example.com", null, LANDING));
        String signature = espSignature(espSecret(), body);

        post(PROVIDER, signature, body).statusCode(200).body("accepted", equalTo(1));
        post(PROVIDER, signature, body).statusCode(200).body("accepted", equalTo(0))
                .body("deduplicated", equalTo(1));

        touchpoints.awaitMentioning(id, 1);
        Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> touchpoints.mentioning(id).size() == 1);
    }
}
