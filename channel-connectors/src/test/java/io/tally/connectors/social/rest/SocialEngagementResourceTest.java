package io.tally.connectors.social.rest;

import static io.tally.connectors.social.SocialFixtures.engagement;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.InteractionType;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class SocialEngagementResourceTest {

    private static final String PATH = "/api/v1/social/engagements";
    /** An hour ago, whole seconds: safely in the past, so the clock-skew rule never interferes. */
    private static final Instant AN_HOUR_AGO = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    private static final String OCCURRED_AT = AN_HOUR_AGO.toString();

    private TopicProbe touchpoints;
    private String linkId;

    @BeforeEach
    void openProbe() {
        touchpoints = TopicProbe.of(Topics.TOUCHPOINTS);
        linkId = "BF-2026-" + UUID.randomUUID();
    }

    @AfterEach
    void closeProbe() {
        touchpoints.close();
    }

    @Test
    void postClickBecomesAClickAndShareAnEngagementOnOrganicSocial() {
        String clickId = "17895695668" + System.nanoTime();
        String shareId = "70123456789" + System.nanoTime();
        String body = "["
                + engagement(clickId, "Instagram", "post_click",
                        AN_HOUR_AGO.atOffset(java.time.ZoneOffset.ofHours(1)).toString(), linkId,
                        "\"anonymousId\": \"a-7f3c9e\"")
                + ","
                + engagement(shareId, "linkedin", "share", OCCURRED_AT, linkId, "\"userId\": \"u-1042\"")
                + "]";

        given().contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("eventIds", contains("social:instagram:" + clickId, "social:linkedin:" + shareId));

        List<Touchpoint> published = touchpoints.awaitMentioning(linkId, 2).stream()
                .map(r -> EventJson.read(r.value(), Touchpoint.class)).toList();
        Touchpoint click = published.stream().filter(t -> t.source().equals("instagram")).findFirst().orElseThrow();
        assertThat(click.eventId()).isEqualTo("social:instagram:" + clickId);
        assertThat(click.channel()).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(click.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(click.campaignCode()).isEqualTo(linkId);
        assertThat(click.medium()).isEqualTo("social");
        assertThat(click.occurredAt()).isEqualTo(AN_HOUR_AGO);
        Touchpoint share = published.stream().filter(t -> t.source().equals("linkedin")).findFirst().orElseThrow();
        assertThat(share.interactionType()).isEqualTo(InteractionType.ENGAGEMENT);
        assertThat(share.identifiers().userId()).isEqualTo("u-1042");
    }

    @Test
    void anEmailIsPublishedOnlyAsItsHash() {
        String email = "Jane.Doe+" + UUID.randomUUID() + "@Example.com";
        String body = engagement("c-" + UUID.randomUUID(), "facebook", "comment", OCCURRED_AT, linkId,
                "\"email\": \"" + email + "\"");

        given().contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(202);

        ConsumerRecord<String, byte[]> record = touchpoints.awaitMentioning(linkId, 1).get(0);
        String hash = IdentityKeys.emailSha256(email);
        assertThat(TopicProbe.value(record)).doesNotContainIgnoringCase(email).contains(hash);
        assertThat(record.key()).isEqualTo("emailSha256:" + hash);
        Touchpoint comment = EventJson.read(record.value(), Touchpoint.class);
        assertThat(comment.interactionType()).isEqualTo(InteractionType.ENGAGEMENT);
        assertThat(comment.identifiers().emailSha256()).isEqualTo(hash);
    }

    @Test
    void oneBadEngagementRejectsTheWholeRequestWithEveryBadField() {
        String body = "[" + engagement("ok-" + UUID.randomUUID(), "x", "post_click", OCCURRED_AT, linkId,
                "\"anonymousId\": \"a-1\"") + ","
                + "{\"id\": \"bad-1\", \"network\": \"x\", \"type\": \"like\", \"linkId\": \"" + linkId
                + "\", \"email\": \"not-an-address\"}]";

        given().contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("[1].type", "[1].occurredAt", "[1].email"));

        touchpoints.assertNothingMentioning(linkId, Duration.ofSeconds(2));
    }

    @Test
    void theSameEngagementTwiceIsPublishedOnce() {
        String body = engagement("dup-" + UUID.randomUUID(), "tiktok", "share", OCCURRED_AT, linkId,
                "\"anonymousId\": \"a-2\"");

        given().contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(202)
                .body("deduplicated", equalTo(0));
        given().contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(202)
                .body("deduplicated", equalTo(1));

        touchpoints.awaitMentioning(linkId, 1);
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(7))
                .until(() -> touchpoints.mentioning(linkId).size() == 1);
    }
}
