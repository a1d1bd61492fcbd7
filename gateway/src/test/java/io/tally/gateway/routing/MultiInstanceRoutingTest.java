package io.tally.gateway.routing;

import static io.tally.devstack.Authorized.given;
import static io.tally.gateway.TwoInstanceStubs.connectorsA;
import static io.tally.gateway.TwoInstanceStubs.connectorsB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.gateway.TwoInstanceStubs;
import io.tally.gateway.UpstreamStub;
import io.tally.gateway.UpstreamStub.Received;

/**
 * channel-connectors as two instances behind the gateway ({@link TwoInstanceStubs}): requests take turns, an instance
 * that refuses connections is skipped (and stays out of the rotation), and a request is sent to the other instance
 * only when that cannot do anything twice.
 */
@QuarkusTest
@WithTestResource(value = TwoInstanceStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MultiInstanceRoutingTest {

    private static final String UPSTREAMS = "checks.find { it.name == 'upstreams' }";

    @Inject
    ProxyFactory proxies;

    @BeforeEach
    void everyInstanceListensAndIsInTheRotation() {
        TwoInstanceStubs.stubs().forEach(UpstreamStub::reset);
        UpstreamInstances connectors = proxies.instances(Upstream.CONNECTORS);
        connectors.targets().forEach(connectors::connected);
    }

    @Test
    void requestsTakeTurnsOverTheInstances() {
        for (int i = 0; i < 8; i++) {
            given().get("/api/v1/collect/pixel.gif?n=" + i).then().statusCode(200);
        }

        assertThat(connectorsA().received()).hasSize(4);
        assertThat(connectorsB().received()).hasSize(4);
        List<String> uris = new ArrayList<>();
        connectorsA().received().forEach(r -> uris.add(r.uri()));
        connectorsB().received().forEach(r -> uris.add(r.uri()));
        assertThat(uris).containsExactlyInAnyOrder("/api/v1/collect/pixel.gif?n=0", "/api/v1/collect/pixel.gif?n=1",
                "/api/v1/collect/pixel.gif?n=2", "/api/v1/collect/pixel.gif?n=3", "/api/v1/collect/pixel.gif?n=4",
                "/api/v1/collect/pixel.gif?n=5", "/api/v1/collect/pixel.gif?n=6", "/api/v1/collect/pixel.gif?n=7");
    }

    @Test
    void aPostRefusedByOneInstanceGoesToTheOtherWithItsBodyAndTheRefuserStaysOutOfTheRotation() {
        connectorsA().stop();
        try {
            for (int i = 0; i < 6; i++) {
                collect("{\"event\":" + i + "}").then().statusCode(200).header("X-Stub", "connectors-b");
            }
            assertThat(connectorsB().received()).extracting(Received::body).containsExactly("{\"event\":0}",
                    "{\"event\":1}", "{\"event\":2}", "{\"event\":3}", "{\"event\":4}", "{\"event\":5}");
            assertThat(connectorsB().received()).allMatch(r -> r.method().equals("POST"));
        } finally {
            connectorsA().restart();
        }

        // listening again, but out of the rotation (for an hour in this test): B still takes every request
        for (int i = 0; i < 4; i++) {
            collect("{\"after\":" + i + "}").then().statusCode(200).header("X-Stub", "connectors-b");
        }
        assertThat(connectorsA().received()).isEmpty();

        // with B gone too, A is tried as the last resort, answers, and is back in the rotation
        connectorsB().stop();
        try {
            collect("{\"last\":1}").then().statusCode(200).header("X-Stub", "connectors-a");
        } finally {
            connectorsB().restart();
        }
        assertThat(connectorsA().received()).extracting(Received::body).containsExactly("{\"last\":1}");
        collect("{\"again\":1}").then().statusCode(200).header("X-Stub", "connectors-a");
    }

    @Test
    void withEveryInstanceRefusingTheAnswerIsServiceUnavailable() {
        connectorsA().stop();
        connectorsB().stop();
        try {
            collect("{}").then().statusCode(503).header("Retry-After", "5")
                    .body("type", equalTo("urn:tally:problem:service-unavailable"));
        } finally {
            connectorsA().restart();
            connectorsB().restart();
        }
    }

    @Test
    void aSafeRequestThatOneInstanceDropsAfterItWasSentIsAnsweredByTheOther() {
        connectorsA().speakGarbage();
        try {
            for (int i = 0; i < 4; i++) {
                given().get("/api/v1/collect/pixel.gif?n=" + i).then().statusCode(200)
                        .header("X-Stub", "connectors-b");
            }
        } finally {
            connectorsA().restart();
        }
        assertThat(connectorsB().received()).extracting(Received::uri).containsExactly(
                "/api/v1/collect/pixel.gif?n=0", "/api/v1/collect/pixel.gif?n=1", "/api/v1/collect/pixel.gif?n=2",
                "/api/v1/collect/pixel.gif?n=3");
    }

    @Test
    void aPostThatOneInstanceDropsAfterItWasSentIsNotSentAgain() {
        connectorsA().speakGarbage();
        List<Integer> statuses = new ArrayList<>();
        try {
            // the turn alternates, so of two posts one reaches A, which takes it and hangs up
            statuses.add(collect("{\"n\":1}").then().extract().statusCode());
            statuses.add(collect("{\"n\":2}").then().extract().statusCode());
        } finally {
            connectorsA().restart();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 502);
        assertThat(connectorsB().received()).hasSize(1);
    }

    @Test
    void aRequestThatTimesOutIsNotSentAgain() {
        connectorsA().hang();
        List<Integer> statuses = new ArrayList<>();
        try {
            statuses.add(given().get("/api/v1/collect/pixel.gif?n=1").then().extract().statusCode());
            statuses.add(given().get("/api/v1/collect/pixel.gif?n=2").then().extract().statusCode());
        } finally {
            connectorsA().release();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 504);
        assertThat(connectorsA().received()).hasSize(1);
        assertThat(connectorsB().received()).hasSize(1);
    }

    @Test
    void isReadyWhileOneInstanceOfEachServiceIsAndSaysHowMany() {
        connectorsA().readyStatus(503);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(UPSTREAMS + ".data.connectors", equalTo("UP (1 of 2 instances ready)"))
                .body(UPSTREAMS + ".data.campaign", equalTo("UP"));

        connectorsB().stop();
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body(UPSTREAMS + ".data.connectors", equalTo("DOWN (none of 2 instances ready)"));
        } finally {
            connectorsB().restart();
        }
        connectorsA().readyStatus(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body(UPSTREAMS + ".data.connectors", equalTo("UP"));
    }

    private static io.restassured.response.Response collect(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/collect");
    }
}
