package io.tally.gateway.routing;

import static io.tally.devstack.Authorized.given;
import static io.tally.gateway.GatewayFixtures.PROBLEM_JSON;
import static io.tally.gateway.GatewayFixtures.attribution;
import static io.tally.gateway.GatewayFixtures.connectors;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStubs;

@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UpstreamFailureTest {

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void answersServiceUnavailableProblemWhenTheServiceIsDown() {
        connectors().stop();
        try {
            given().contentType("application/json").body("{\"e\":1}").post("/api/v1/collect")
                    .then()
                    .statusCode(503)
                    .contentType(PROBLEM_JSON)
                    .header("X-Request-Id", notNullValue())
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:tally:problem:service-unavailable"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("connectors"))
                    .body("detail", not(containsString("127.0.0.1")));
        } finally {
            connectors().restart();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/api/v1/collect").then().statusCode(200));
    }

    @Test
    void answersBadGatewayProblemWhenTheServiceDoesNotSpeakHttp() {
        connectors().speakGarbage();
        try {
            given().contentType("application/json").body("{\"e\":1}").post("/api/v1/collect")
                    .then()
                    .statusCode(502)
                    .contentType(PROBLEM_JSON)
                    .header("X-Request-Id", notNullValue())
                    .body("type", equalTo("urn:tally:problem:bad-gateway"))
                    .body("status", equalTo(502))
                    .body("detail", containsString("connectors"))
                    .body("detail", not(containsString("127.0.0.1")));
        } finally {
            connectors().restart();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/api/v1/collect").then().statusCode(200));
    }

    @Test
    void answersGatewayTimeoutProblemWhenTheServiceIsTooSlow() {
        attribution().hang();
        try {
            given().get("/api/v1/reports/revenue")
                    .then()
                    .statusCode(504)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:tally:problem:gateway-timeout"))
                    .body("status", equalTo(504))
                    .body("detail", containsString("attribution"))
                    .body("detail", containsString("1s"));
        } finally {
            attribution().release();
        }
    }
}
