package io.tally.connectors.web.rest;

import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.InteractionType;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class WebPixelResourceTest {

    private static final String PIXEL = "/api/v1/collect/pixel.gif";

    private TopicProbe touchpoints;
    private TopicProbe rejects;

    @BeforeEach
    void openProbes() {
        touchpoints = TopicProbe.of(Topics.TOUCHPOINTS);
        rejects = TopicProbe.of(Topics.REJECTS);
    }

    @AfterEach
    void closeProbes() {
        touchpoints.close();
        rejects.close();
    }

    private static void assertIsTheGif(ExtractableResponse<Response> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("image/gif");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store, max-age=0");
        byte[] gif = response.asByteArray();
        assertThat(gif).hasSize(43).startsWith('G', 'I', 'F', '8', '9', 'a');
        assertThat(gif[gif.length - 1]).isEqualTo((byte) 0x3B);
    }

    @Test
    void emailOpenBecomesAnEmailTouchpointWithTheCampaignFromCid() {
        String userId = uniqueId("sub");

        assertIsTheGif(given().queryParam("t", "email_open").queryParam("uid", userId)
                .queryParam("cid", "BF-2026").queryParam("utm_source", "newsletter")
                .when().get(PIXEL).then().extract());

        ConsumerRecord<String, byte[]> record = touchpoints.awaitMentioning(userId, 1).get(0);
        Touchpoint touchpoint = EventJson.read(record.value(), Touchpoint.class);
        assertThat(record.key()).isEqualTo("userId:" + userId);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.EMAIL_OPEN);
        assertThat(touchpoint.channel()).isEqualTo(Channel.EMAIL);
        assertThat(touchpoint.campaignCode()).isEqualTo("BF-2026");
        assertThat(touchpoint.source()).isEqualTo("newsletter");
        assertThat(touchpoint.occurredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void pageViewPixelBecomesAVisitWithTheGroupedChannel() {
        String anonymousId = uniqueId("a");
        String ts = Instant.now().minusSeconds(30).toString();

        assertIsTheGif(given().queryParam("t", "page_view").queryParam("aid", anonymousId).queryParam("ts", ts)
                .queryParam("url", "https://shop.example/amp/shoes?utm_source=newsletter&utm_medium=email")
                .when().get(PIXEL).then().extract());

        Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(),
                Touchpoint.class);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(touchpoint.channel()).isEqualTo(Channel.EMAIL);
        assertThat(touchpoint.occurredAt()).hasToString(ts);
    }

    @Test
    void pageViewPixelReferredByAConfiguredInternalHostIsAPageView() {
        // %test.tally.connectors.web.internal-hosts=checkout.tally-test.example
        String anonymousId = uniqueId("a");

        assertIsTheGif(given().queryParam("t", "page_view").queryParam("aid", anonymousId)
                .queryParam("url", "https://shop.example/thanks")
                .queryParam("ref", "https://pay.checkout.tally-test.example/confirm")
                .when().get(PIXEL).then().extract());

        Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(),
                Touchpoint.class);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.PAGE_VIEW);
        assertThat(touchpoint.channel()).isEqualTo(Channel.DIRECT);
    }

    @Test
    void invalidPixelStillAnswersTheGifAndLeavesADeadLetter() {
        String anonymousId = uniqueId("a");

        assertIsTheGif(given().queryParam("t", "page_view").queryParam("aid", anonymousId)
                .queryParam("url", "not a url").queryParam("email", "jane@example.com")
                .when().get(PIXEL).then().extract());

        ConsumerRecord<String, byte[]> record = rejects.awaitMentioning(anonymousId, 1).get(0);
        Reject reject = EventJson.read(record.value(), Reject.class);
        assertThat(record.key()).isEqualTo("web.pixel");
        assertThat(reject.source()).isEqualTo("web.pixel");
        assertThat(reject.field()).isEqualTo("url");
        assertThat(reject.reason()).isEqualTo("must be an absolute http(s) URL");
        assertThat(reject.rawPayload()).contains("aid=" + anonymousId).doesNotContain("jane@example.com");
        touchpoints.assertNothingMentioning(anonymousId, Duration.ofSeconds(2));
    }

    @Test
    void pixelWithoutAnyParameterIsStillTheGif() {
        given().when().get(PIXEL).then().statusCode(200).header("Content-Length", equalTo("43"));
    }
}
