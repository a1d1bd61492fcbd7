package io.tally.connectors.web.rest;

import static io.restassured.RestAssured.given;
import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.SaslKafkaResource;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.json.EventJson;

/**
 * The collector on a broker that accepts only SASL clients (SCRAM-SHA-512), as Strimzi's listener in Kubernetes: its
 * producer and the Kafka readiness check log in with the service's {@code kafka.*} settings.
 */
@QuarkusTest
@WithTestResource(SaslKafkaResource.class)
class WebCollectSaslTest {

    @Test
    void collectedPageViewIsAcknowledgedByABrokerThatRequiresSasl() {
        String anonymousId = uniqueId("sasl");
        try (TopicProbe touchpoints = TopicProbe.of(Topics.TOUCHPOINTS)) {
            String eventId = given().contentType(ContentType.JSON).body(List.of(pageView(anonymousId)))
                    .when().post("/api/v1/collect")
                    .then().statusCode(202)
                    .extract().path("eventIds[0]");

            Touchpoint touchpoint = EventJson.read(touchpoints.awaitMentioning(anonymousId, 1).get(0).value(),
                    Touchpoint.class);
            assertThat(touchpoint.eventId()).isEqualTo(eventId);
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
