package io.tally.connectors.web.rest;

import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(WebCollectKafkaDownTest.KafkaDown.class)
class WebCollectKafkaDownTest {

    /** Points the producer at a port where no broker listens, with a short send timeout. */
    public static class KafkaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tally.connectors.publish.send-timeout", "1s",
                    "tally.connectors.publish.retry-after", "7s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(NoBroker.class));
        }
    }

    /** The real database of devstack, and a Kafka address where nothing listens. */
    public static class NoBroker implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(new io.tally.devstack.DevstackResource().start());
            config.put("kafka.bootstrap.servers", "127.0.0.1:1");
            return config;
        }

        @Override
        public void stop() {
            // devstack is shared by the JVM
        }
    }

    @Test
    void unacknowledgedEventsAreAnswered503WithRetryAfter() {
        given().contentType(ContentType.JSON).body(pageView(uniqueId("a")))
                .when().post("/api/v1/collect")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "7")
                .body("type", equalTo("urn:tally:problem:unavailable"));
    }
}
