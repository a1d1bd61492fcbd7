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
import io.restassured.response.ValidatableResponse;
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
            collectProblem(503, "service-unavailable").header("Retry-After", "5");
        } finally {
            connectors().restart();
        }
        awaitCollectorBack();
    }

    @Test
    void answersBadGatewayProblemWhenTheServiceDoesNotSpeakHttp() {
        connectors().speakGarbage();
        try {
            collectProblem(502, "bad-gateway");
        } finally {
            connectors().restart();
        }
        awaitCollectorBack();
    }

    /** A beacon to the collector answers this problem, naming the service but not its address. */
    private static ValidatableResponse collectProblem(int status, String type) {
        return given().contentType("application/json").body("{\"e\":1}").post("/api/v1/collect")
                .then()
                .statusCode(status)
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("urn:tally:problem:" + type))
                .body("status", equalTo(status))
                .body("detail", containsString("connectors"))
                .body("detail", not(containsString("127.0.0.1")));
    }

    private static void awaitCollectorBack() {
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
