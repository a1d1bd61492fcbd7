package io.tally.connectors.web.rest;

import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.purchase;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tally.connectors.CollectFixtures;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Topics;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class WebCollectValidationTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private TopicProbe topics;
    private String anonymousId;

    @BeforeEach
    void openProbe() {
        topics = TopicProbe.of(Topics.TOUCHPOINTS, Topics.CONVERSIONS);
        anonymousId = uniqueId("a");
    }

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void malformedJsonIsRejectedAndNothingIsPublished() {
        String truncated = "{\"type\": \"page_view\", \"anonymousId\": \"" + anonymousId + "\", \"url\": ";

        rejected(truncated).body("errors[0].field", equalTo(""))
                .body("errors[0].reason", startsWith("malformed JSON"));

        topics.assertNothingMentioning(anonymousId, QUIET);
    }

    @Test
    void duplicateKeysAndEmptyBodiesAreRejected() {
        rejected("{\"type\": \"page_view\", \"type\": \"purchase\"}")
                .body("errors[0].reason", startsWith("malformed JSON"));
        rejected("").body("errors[0].field", equalTo(""));
    }

    @Test
    void eventWithoutAnonymousIdOrUserIdIsRejected() {
        String url = CollectFixtures.LANDING + "?marker=" + anonymousId;
        Map<String, Object> event = pageView(null, url);

        rejected(event).body("errors.field", containsInAnyOrder("anonymousId"));

        topics.assertNothingMentioning(anonymousId, QUIET);
    }

    @Test
    void eventWithoutTimestampIsRejected() {
        Map<String, Object> event = pageView(anonymousId);
        event.remove("timestamp");

        rejected(event).body("errors.field", containsInAnyOrder("timestamp"));

        topics.assertNothingMentioning(anonymousId, QUIET);
    }

    @Test
    void negativeRevenueIsRejected() {
        rejected(purchase(anonymousId, uniqueId("order"), "-0.01", "EUR"))
                .body("errors.field", containsInAnyOrder("revenue"))
                .body("errors[0].reason", equalTo("must not be negative"));

        topics.assertNothingMentioning(anonymousId, QUIET);
    }

    @Test
    void unknownCurrencyIsRejected() {
        rejected(purchase(anonymousId, uniqueId("order"), "49.90", "XYZ"))
                .body("errors.field", containsInAnyOrder("currency"));

        topics.assertNothingMentioning(anonymousId, QUIET);
    }

    @Test
    void batchWithOneBadEventOfThreePublishesNothing() {
        List<Map<String, Object>> batch = List.of(pageView(anonymousId),
                purchase(anonymousId, uniqueId("order"), "-5", "EUR"),
                purchase(anonymousId, uniqueId("order")));

        rejected(batch).body("errors.field", containsInAnyOrder("[1].revenue"))
                .body("detail", equalTo("[1].revenue must not be negative"));

        topics.assertNothingMentioning(anonymousId, QUIET);
    }

    @Test
    void everyBadFieldOfEveryEventIsListedAtOnce() {
        Map<String, Object> noUrl = pageView(anonymousId);
        noUrl.remove("url");
        Map<String, Object> broken = purchase(anonymousId, null, "49.999", "EUR");
        broken.put("timestamp", "yesterday");

        rejected(List.of(noUrl, broken)).body("errors.field",
                containsInAnyOrder("[0].url", "[1].timestamp", "[1].orderId", "[1].revenue"));
    }

    @Test
    void timestampTooFarInTheFutureIsRejected() {
        Map<String, Object> event = pageView(anonymousId);
        event.put("timestamp", Instant.now().plus(Duration.ofHours(1)).toString());

        rejected(event).body("errors.field", containsInAnyOrder("timestamp"));
    }

    @Test
    void pageViewWithRelativeUrlIsRejected() {
        rejected(pageView(anonymousId, "/shoes?utm_medium=email")).body("errors.field", containsInAnyOrder("url"));
    }

    @Test
    void unknownTypeIsRejected() {
        Map<String, Object> event = pageView(anonymousId);
        event.put("type", "add_to_cart");

        rejected(event).body("errors.field", containsInAnyOrder("type"))
                .body("errors[0].reason", equalTo("must be one of page_view, click, sign_up, purchase, refund"));
    }

    @Test
    void revenueWithMoreDecimalsThanTheCurrencyAllowsIsRejected() {
        rejected(purchase(anonymousId, uniqueId("order"), "100.5", "JPY"))
                .body("errors.field", hasItem("revenue"));
    }

    @Test
    void emptyArrayIsRejected() {
        rejected(List.of()).body("errors.field", containsInAnyOrder(""));
    }

    @Test
    void batchLargerThanTheLimitIsAnswered413() {
        List<Map<String, Object>> batch = new ArrayList<>(Collections.nCopies(501, pageView(anonymousId)));

        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/collect")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));

        topics.assertNothingMentioning(anonymousId, QUIET);
    }

    private static ValidatableResponse rejected(Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/collect")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:tally:problem:validation"));
    }
}
