package io.tally.connectors.email.rest;

import static io.tally.connectors.email.EmailFixtures.LANDING;
import static io.tally.connectors.email.EmailFixtures.NORMALISED_ADDRESS;
import static io.tally.connectors.email.EmailFixtures.SLOPPY_ADDRESS;
import static io.tally.connectors.email.EmailFixtures.anHourAgo;
import static io.tally.connectors.email.EmailFixtures.mailgunEventData;
import static io.tally.connectors.email.EmailFixtures.mailgunSigningKey;
import static io.tally.connectors.email.EmailFixtures.mailgunToken;
import static io.tally.connectors.email.EmailFixtures.mailgunWebhook;
import static io.tally.connectors.email.EmailFixtures.sha256;
import static io.tally.connectors.email.EmailFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class MailgunWebhookResourceTest {

    private static final String PATH = "/api/v1/webhooks/mailgun";
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

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(PATH).then();
    }

    @Test
    void signedClickBecomesAClickTouchpointWithTheUtmCampaignAndTheHashedRecipient() {
        String id = uniqueId("mg-click");
        String body = mailgunWebhook(mailgunSigningKey(), now(), mailgunToken(),
                mailgunEventData("clicked", id, SLOPPY_ADDRESS, anHourAgo(), LANDING));

        post(body).statusCode(200).body("accepted", equalTo(1)).body("eventIds[0]", equalTo("mailgun:" + id));

        ConsumerRecord<String, byte[]> record = touchpoints.awaitMentioning(id, 1).get(0);
        Touchpoint touch = EventJson.read(record.value(), Touchpoint.class);
        assertThat(touch.eventId()).isEqualTo("mailgun:" + id);
        assertThat(touch.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(touch.channel()).isEqualTo(Channel.EMAIL);
        assertThat(touch.source()).isEqualTo("mailgun");
        assertThat(touch.url()).isEqualTo(LANDING);
        assertThat(touch.campaignCode()).isEqualTo("BF-2026");
        assertThat(touch.identifiers().emailSha256()).isEqualTo(sha256(NORMALISED_ADDRESS));
        assertThat(touch.occurredAt().getNano()).as("Mailgun's fractional seconds").isEqualTo(908_181_000);
        assertThat(TopicProbe.value(record).toLowerCase(Locale.ROOT)).doesNotContain(NORMALISED_ADDRESS);
    }

    @Test
    void signedOpenBecomesAnEmailOpenWithTheCampaignUserVariable() {
        String id = uniqueId("mg-open");
        String body = mailgunWebhook(mailgunSigningKey(), now(), mailgunToken(),
                mailgunEventData("opened", id, "ann@example.com", anHourAgo(), null));

        post(body).statusCode(200).body("accepted", equalTo(1));

        Touchpoint touch = EventJson.read(touchpoints.awaitMentioning(id, 1).get(0).value(), Touchpoint.class);
        assertThat(touch.interactionType()).isEqualTo(InteractionType.EMAIL_OPEN);
        assertThat(touch.campaignCode()).isEqualTo("BF-2026-MG");
        assertThat(touch.url()).isNull();
    }

    @Test
    void aSignatureMadeWithTheWrongKeyIsRefusedAndNothingIsPublished() {
        String id = uniqueId("mg-wrong-key");
        String body = mailgunWebhook("key-not-the-signing-key", now(), mailgunToken(),
                mailgunEventData("opened", id, "ann@example.com", anHourAgo(), null));

        post(body).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("signature does not match"));

        touchpoints.assertNothingMentioning(id, QUIET);
    }

    @Test
    void aStaleTimestampIsRefusedAsAReplay() {
        String id = uniqueId("mg-stale");
        long sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        String body = mailgunWebhook(mailgunSigningKey(), sixMinutesAgo, mailgunToken(),
                mailgunEventData("opened", id, "ann@example.com", anHourAgo(), null));

        post(body).statusCode(401).contentType("application/problem+json").body("detail", containsString("replay"));

        touchpoints.assertNothingMentioning(id, QUIET);
    }

    @Test
    void aReplayedTokenIsRefusedAndPublishesNothingMore() {
        String id = uniqueId("mg-replay");
        String body = mailgunWebhook(mailgunSigningKey(), now(), mailgunToken(),
                mailgunEventData("clicked", id, "ann@example.com", anHourAgo(), LANDING));

        post(body).statusCode(200).body("accepted", equalTo(1));
        post(body).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("replayed"));

        touchpoints.awaitMentioning(id, 1);
        Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> touchpoints.mentioning(id).size() == 1);
        given().when().get("/q/metrics").then()
                .body(containsString(
                        "tally_connectors_events_rejected_total{reason=\"replay\",source=\"email.mailgun\"}"));
    }

    @Test
    void theSameEventRedeliveredWithAFreshTokenIsPublishedOnce() {
        String id = uniqueId("mg-redelivered");
        String eventData = mailgunEventData("opened", id, "ann@example.com", anHourAgo(), null);

        post(mailgunWebhook(mailgunSigningKey(), now(), mailgunToken(), eventData)).statusCode(200)
                .body("accepted", equalTo(1));
        post(mailgunWebhook(mailgunSigningKey(), now(), mailgunToken(), eventData)).statusCode(200)
                .body("accepted", equalTo(0)).body("deduplicated", equalTo(1));

        touchpoints.awaitMentioning(id, 1);
        Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> touchpoints.mentioning(id).size() == 1);
    }

    @Test
    void deliveredAndFailedEventsAreIgnored() {
        String id = uniqueId("mg-delivered");
        post(mailgunWebhook(mailgunSigningKey(), now(), mailgunToken(),
                mailgunEventData("delivered", id, "ann@example.com", anHourAgo(), null)))
                .statusCode(200).body("accepted", equalTo(0)).body("ignored", equalTo(1));
        post(mailgunWebhook(mailgunSigningKey(), now(), mailgunToken(),
                mailgunEventData("failed", id + "-f", "ann@example.com", anHourAgo(), null)))
                .statusCode(200).body("ignored", equalTo(1));

        touchpoints.assertNothingMentioning(id, QUIET);
    }

    @Test
    void anInvalidEventAnswers400NamingTheFieldAndFreesTheToken() {
        String id = uniqueId("mg-invalid");
        String token = mailgunToken();
        long at = now();
        String bad = mailgunWebhook(mailgunSigningKey(), at, token,
                mailgunEventData("clicked", id, "", anHourAgo(), null));

        post(bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("event-data.recipient"))
                .body("errors.field", hasItem("event-data.url"));
        post(bad).statusCode(400).body("errors.field", hasItem("event-data.recipient"));

        touchpoints.assertNothingMentioning(id, QUIET);
    }
}
