package io.tally.connectors.web.rest;

import static io.tally.connectors.CollectFixtures.anonymousKey;
import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.purchase;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.connectors.CollectFixtures;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class WebCollectResourceTest {

    private TopicProbe touchpoints;
    private TopicProbe conversions;

    @BeforeEach
    void openProbes() {
        touchpoints = TopicProbe.of(Topics.TOUCHPOINTS);
        conversions = TopicProbe.of(Topics.CONVERSIONS);
    }

    @AfterEach
    void closeProbes() {
        touchpoints.close();
        conversions.close();
    }

    @Test
    void pageViewWithUtmParametersPublishesTouchpointWithChannelCampaignAndKey() {
        String anonymousId = uniqueId("a");
        Map<String, Object> event = pageView(anonymousId, CollectFixtures.LANDING
                + "?utm_source=Newsletter&utm_medium=email&utm_campaign=%20BF-2026%20#top");

        String eventId = given().contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/collect")
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .extract().path("eventIds[0]");

        ConsumerRecord<String, byte[]> record = touchpoints.awaitMentioning(anonymousId, 1).get(0);
        Touchpoint touchpoint = EventJson.read(record.value(), Touchpoint.class);
        assertThat(record.key()).isEqualTo(anonymousKey(anonymousId));
        assertThat(touchpoint.eventId()).isEqualTo(eventId);
        assertThat(touchpoint.channel()).isEqualTo(Channel.EMAIL);
        assertThat(touchpoint.campaignCode()).isEqualTo("BF-2026");
        assertThat(touchpoint.source()).isEqualTo("Newsletter");
        assertThat(touchpoint.medium()).isEqualTo("email");
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(touchpoint.occurredAt()).hasToString(CollectFixtures.TIMESTAMP);
        assertThat(touchpoint.url()).isEqualTo(event.get("url"));
    }

    @Test
    void pageViewWithSearchReferrerIsOrganicSearchFromTheReferrerHost() {
        String anonymousId = uniqueId("a");
        Map<String, Object> event = pageView(anonymousId, CollectFixtures.LANDING);
        event.put("referrer", "https://www.google.de/");

        given().contentType(ContentType.JSON).body(event).when().post("/api/v1/collect").then().statusCode(202);

        Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(),
                Touchpoint.class);
        assertThat(touchpoint.channel()).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(touchpoint.source()).isEqualTo("www.google.de");
        assertThat(touchpoint.campaignCode()).isNull();
    }

    @Test
    void purchasePublishesConversionWithExactRevenueAndOrderId() throws Exception {
        String anonymousId = uniqueId("a");
        String userId = uniqueId("u");
        String orderId = uniqueId("order");
        Map<String, Object> event = purchase(anonymousId, orderId);
        event.put("userId", userId);
        event.put("couponCode", "BF10");

        given().contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/collect")
                .then().statusCode(202)
                .body("eventIds", contains("order:" + orderId));

        ConsumerRecord<String, byte[]> record = conversions.awaitMentioning(anonymousId, 1).get(0);
        Conversion conversion = EventJson.read(record.value(), Conversion.class);
        JsonNode json = EventJson.mapper().readTree(record.value());
        assertThat(record.key()).isEqualTo("userId:" + userId);
        assertThat(conversion.eventId()).isEqualTo("order:" + orderId);
        assertThat(conversion.orderId()).isEqualTo(orderId);
        assertThat(conversion.revenue()).isEqualTo(Money.of("49.90", "EUR"));
        assertThat(json.at("/revenue/amount").isTextual()).isTrue();
        assertThat(json.at("/revenue/amount").asText()).isEqualTo("49.90");
        assertThat(conversion.couponCode()).isEqualTo("BF10");
        assertThat(conversion.source()).isEqualTo("web");
        assertThat(conversion.identifiers().anonymousId()).isEqualTo(anonymousId);
    }

    @Test
    void revenueSentAsJsonNumberIsReadExactly() throws Exception {
        String anonymousId = uniqueId("a");
        String orderId = uniqueId("order");
        String body = """
                {"type": "purchase", "anonymousId": "%s", "timestamp": "%s", "orderId": "%s",
                 "revenue": 1234567.1, "currency": "EUR"}""".formatted(anonymousId, CollectFixtures.TIMESTAMP, orderId);

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/collect").then().statusCode(202);

        JsonNode json = EventJson.mapper().readTree(conversions.awaitMentioning(anonymousId, 1).get(0).value());
        assertThat(json.at("/revenue/amount").asText()).isEqualTo("1234567.10");
    }

    @Test
    void batchOfPageViewAndPurchaseAnswersBothIdsAfterBothArePublished() {
        String anonymousId = uniqueId("a");
        String orderId = uniqueId("order");
        List<Map<String, Object>> batch = List.of(pageView(anonymousId), purchase(anonymousId, orderId));

        List<String> eventIds = given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/collect")
                .then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("eventIds", hasSize(2))
                .extract().path("eventIds");

        assertThat(eventIds.get(1)).isEqualTo("order:" + orderId);
        Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(),
                Touchpoint.class);
        Conversion conversion = EventJson.read(conversions.awaitMentioning(anonymousId, 1).get(0).value(),
                Conversion.class);
        assertThat(List.of(touchpoint.eventId(), conversion.eventId())).isEqualTo(eventIds);
    }

    @Test
    void aRetriedRequestYieldsTheSameIdsAndIsPublishedOnce() {
        String anonymousId = uniqueId("a");
        List<Map<String, Object>> batch = List.of(pageView(anonymousId), purchase(anonymousId, uniqueId("order")));

        List<String> first = given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/collect").then().statusCode(202)
                .body("deduplicated", org.hamcrest.Matchers.equalTo(0)).extract().path("eventIds");
        List<String> second = given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/collect").then().statusCode(202)
                .body("deduplicated", org.hamcrest.Matchers.equalTo(2)).extract().path("eventIds");

        assertThat(second).hasSize(2).isEqualTo(first);
        touchpoints.awaitMentioning(anonymousId, 1);
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(7))
                .until(() -> touchpoints.mentioning(anonymousId).size() == 1);
        assertThat(EventJson.read(touchpoints.mentioning(anonymousId).get(0).value(), Touchpoint.class).eventId())
                .isEqualTo(first.get(0));
    }

    @Test
    void clientMessageIdBecomesTheEventId() {
        String anonymousId = uniqueId("a");
        String messageId = uniqueId("msg");
        Map<String, Object> event = pageView(anonymousId);
        event.put("messageId", messageId);

        given().contentType(ContentType.JSON).body(event)
                .when().post("/api/v1/collect")
                .then().statusCode(202).body("eventIds", contains(messageId));

        assertThat(EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(), Touchpoint.class)
                .eventId()).isEqualTo(messageId);
    }
}
