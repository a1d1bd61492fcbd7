package io.tally.gateway.health;

import static io.tally.devstack.Authorized.given;
import static io.tally.gateway.GatewayFixtures.attribution;
import static io.tally.gateway.GatewayFixtures.connectors;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStub;
import io.tally.gateway.UpstreamStubs;

@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UpstreamReadinessCheckTest {

    private static final String UPSTREAMS = "checks.find { it.name == 'upstreams' }";

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void isReadyWhenEveryServiceIsReady() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(UPSTREAMS + ".data.campaign", equalTo("UP"))
                .body(UPSTREAMS + ".data.attribution", equalTo("UP"))
                .body(UPSTREAMS + ".data.connectors", equalTo("UP"));
    }

    @Test
    void isNotReadyWhileOneServiceIsNotReady() {
        attribution().readyStatus(503);

        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(UPSTREAMS + ".data.attribution", equalTo("DOWN (HTTP 503)"))
                .body(UPSTREAMS + ".data.campaign", equalTo("UP"));

        attribution().readyStatus(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isNotReadyWhileOneServiceIsUnreachable() {
        connectors().stop();
        try {
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body(UPSTREAMS + ".data.connectors", equalTo("DOWN (unreachable)"));
        } finally {
            connectors().restart();
        }
    }

    @Test
    void livenessDoesNotDependOnServices() {
        GatewayFixtures.stubs().forEach(stub -> stub.readyStatus(503));

        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void stubsStartReady() {
        for (UpstreamStub stub : GatewayFixtures.stubs()) {
            given().baseUri(stub.baseUrl()).get("/q/health/ready").then().statusCode(200);
        }
    }
}
