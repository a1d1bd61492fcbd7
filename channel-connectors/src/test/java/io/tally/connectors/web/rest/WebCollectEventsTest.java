package io.tally.connectors.web.rest;

import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.purchase;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.connectors.CollectFixtures;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.IdentityLink;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

/** The collector's event types beyond page views and purchases: clicks, sign-ups, refunds, consent, overrides. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class WebCollectEventsTest {

    private TopicProbe touchpoints;
    private TopicProbe conversions;
    private TopicProbe links;
    private TopicProbe adjustments;

    @BeforeEach
    void openProbes() {
        touchpoints = TopicProbe.of(Topics.TOUCHPOINTS);
        conversions = TopicProbe.of(Topics.CONVERSIONS);
        links = TopicProbe.of(Topics.IDENTITY_LINKS);
        adjustments = TopicProbe.of(Topics.CONVERSION_ADJUSTMENTS);
    }

    @AfterEach
    void closeProbes() {
        touchpoints.close();
        conversions.close();
        links.close();
        adjustments.close();
    }

    private static Map<String, Object> signUp(String anonymousId, String userId, String email) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "sign_up");
        event.put("anonymousId", anonymousId);
        event.put("userId", userId);
        event.put("timestamp", CollectFixtures.TIMESTAMP);
        event.put("properties", Map.of("email", email, "plan", "pro"));
        return event;
    }

    @Test
    void adClickWithTikTokClickIdIsPaidSocialClickFromTikTok() {
        String anonymousId = uniqueId("a");
        Map<String, Object> click = pageView(anonymousId, CollectFixtures.LANDING
                + "?ttclid=E.C.P.v3LZ2kxQ&utm_campaign=BF-2026");
        click.put("type", "click");

        given().contentType(ContentType.JSON).body(click).when().post("/api/v1/collect").then().statusCode(202);

        Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(),
                Touchpoint.class);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(touchpoint.channel()).isEqualTo(Channel.PAID_SOCIAL);
        assertThat(touchpoint.source()).isEqualTo("tiktok");
        assertThat(touchpoint.campaignCode()).isEqualTo("BF-2026");
    }

    @Test
    void signUpLinksTheIdsWithTheEmailHashAndNeverTheRawAddress() {
        String anonymousId = uniqueId("a");
        String userId = uniqueId("u");
        String email = uniqueId("jane") + "@Example.com";

        String eventId = given().contentType(ContentType.JSON).body(signUp(anonymousId, userId, email))
                .when().post("/api/v1/collect").then().statusCode(202).extract().path("eventIds[0]");

        ConsumerRecord<String, byte[]> record = links.awaitMentioning(anonymousId, 1).get(0);
        IdentityLink link = EventJson.read(record.value(), IdentityLink.class);
        assertThat(link.eventId()).isEqualTo(eventId);
        assertThat(link.identifiers().anonymousId()).isEqualTo(anonymousId);
        assertThat(link.identifiers().userId()).isEqualTo(userId);
        assertThat(link.identifiers().emailSha256()).isEqualTo(IdentityKeys.emailSha256(email));
        assertThat(record.key()).isEqualTo("userId:" + userId);
        assertThat(TopicProbe.value(record).toLowerCase()).doesNotContain(email.toLowerCase());
    }

    @Test
    void theOpenCollectorCannotRefundAndPublishesNothing() {
        String orderId = uniqueId("order");
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("type", "refund");
        refund.put("userId", uniqueId("u"));
        refund.put("timestamp", CollectFixtures.TIMESTAMP);
        refund.put("orderId", orderId);
        refund.put("amount", "12.5");
        refund.put("currency", "EUR");
        refund.put("messageId", "m-1");

        given().contentType(ContentType.JSON).body(refund).when().post("/api/v1/collect")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("type"))
                .body("errors[0].reason", containsString("cannot refund"));

        adjustments.assertNothingMentioning(orderId, Duration.ofSeconds(2));
    }

    @Test
    void badRefundInABatchIsReportedByPathAndNothingIsPublished() {
        String anonymousId = uniqueId("a");
        Map<String, Object> refund = new LinkedHashMap<>(purchase(anonymousId, uniqueId("order")));
        refund.put("type", "refund");
        refund.remove("revenue");
        refund.put("amount", "-3.00");

        given().contentType(ContentType.JSON).body(List.of(pageView(anonymousId), refund))
                .when().post("/api/v1/collect")
                .then().statusCode(400)
                .body("errors.field", contains("[1].amount"));

        touchpoints.assertNothingMentioning(anonymousId, Duration.ofSeconds(2));
    }

    @Test
    void withoutConsentEventsKeepNoIdentifierButAnOpaqueOne() {
        String anonymousId = uniqueId("a");
        String userId = uniqueId("u");
        String orderId = uniqueId("order");
        String email = uniqueId("jane") + "@example.com";
        Map<String, Object> view = pageView(anonymousId);
        view.put("userId", userId);
        view.put("messageId", uniqueId("m"));
        view.put("consent", Map.of("analytics", false));
        Map<String, Object> buy = purchase(anonymousId, orderId);
        buy.put("userId", userId);
        buy.put("consent", Map.of("analytics", false));
        buy.put("properties", Map.of("email", email));
        Map<String, Object> link = signUp(anonymousId, userId, email);
        link.put("consent", Map.of("analytics", false));

        List<String> ids = given().contentType(ContentType.JSON).body(List.of(view, buy, link))
                .when().post("/api/v1/collect").then().statusCode(202)
                .body("accepted", equalTo(2)).extract().path("eventIds");

        Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(ids.get(0), 1).get(0).value(),
                Touchpoint.class);
        ConsumerRecord<String, byte[]> record = conversions.awaitMentioning("order:" + orderId, 1).get(0);
        Conversion conversion = EventJson.read(record.value(), Conversion.class);
        assertThat(touchpoint.identifiers().asMap()).containsOnlyKeys("anonymousId");
        assertThat(touchpoint.identifiers().anonymousId()).startsWith("anon-").isNotEqualTo(anonymousId);
        assertThat(conversion.identifiers().asMap()).containsOnlyKeys("anonymousId");
        assertThat(conversion.identifiers().anonymousId()).startsWith("anon-")
                .isNotEqualTo(touchpoint.identifiers().anonymousId());
        assertThat(conversion.revenue()).isEqualTo(Money.of("49.90", "EUR"));
        assertThat(TopicProbe.value(record)).doesNotContain(userId).doesNotContain(anonymousId)
                .doesNotContain(IdentityKeys.emailSha256(email));
        links.assertNothingMentioning(userId, Duration.ofSeconds(2));
    }

    @Test
    void configuredOverrideWinsOverTheDefaultGrouping() {
        String anonymousId = uniqueId("a");
        // %test override: source tally-test-partner*, medium cpc → affiliate (the default would be paid search)
        Map<String, Object> view = pageView(anonymousId, CollectFixtures.LANDING
                + "?utm_source=Tally-Test-Partner-42&utm_medium=CPC&gclid=abc");

        given().contentType(ContentType.JSON).body(view).when().post("/api/v1/collect").then().statusCode(202);

        Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(),
                Touchpoint.class);
        assertThat(touchpoint.channel()).isEqualTo(Channel.AFFILIATE);
    }

    @Test
    void signUpWithoutUserIdOrWithABadEmailIsRefusedField() {
        Map<String, Object> event = signUp(uniqueId("a"), null, "jane-at-example");
        event.remove("userId");

        given().contentType(ContentType.JSON).body(event).when().post("/api/v1/collect")
                .then().statusCode(400)
                .body("errors.field", hasItems("userId", "properties.email"));
    }
}
