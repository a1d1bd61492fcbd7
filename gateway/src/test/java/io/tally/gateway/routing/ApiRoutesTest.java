package io.tally.gateway.routing;

import static io.tally.devstack.Authorized.given;
import static io.tally.gateway.GatewayFixtures.PROBLEM_JSON;
import static io.tally.gateway.GatewayFixtures.campaign;
import static io.tally.gateway.GatewayFixtures.connectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStub;
import io.tally.gateway.UpstreamStub.Received;
import io.tally.gateway.UpstreamStubs;
import io.tally.support.metrics.MetricNames;

@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiRoutesTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/programmes, campaign",
            "/api/v1/programmes/p-1/goals, campaign",
            "/api/v1/campaigns, campaign",
            "/api/v1/campaigns/c-1/channel-mix, campaign",
            "/api/v1/collect, connectors",
            "/api/v1/collect/web/beacon, connectors",
            "/api/v1/collect/pixel.gif, connectors",
            "/api/v1/webhooks/shopify, connectors",
            "/api/v1/webhooks/esp/acme, connectors",
            "/api/v1/imports/offline, connectors",
            "/api/v1/social/engagements, connectors",
            "/api/v1/rejects, connectors",
            "/api/v1/reports/revenue, attribution",
            "/api/v1/attribution/journeys/j-1, attribution",
            "/api/v1/finance/periods/2026-01, attribution"})
    void routesEachOwnedPathToItsService(String path, String service) {
        given().get(path + "?from=2026-01-01&model=linear")
                .then()
                .statusCode(200)
                .header("X-Stub", service)
                .body("stub", equalTo(service));

        for (UpstreamStub stub : GatewayFixtures.stubs()) {
            if (stub == stubNamed(service)) {
                assertThat(stub.received()).singleElement().satisfies(received -> {
                    assertThat(received.method()).isEqualTo("GET");
                    assertThat(received.uri()).isEqualTo(path + "?from=2026-01-01&model=linear");
                });
            } else {
                assertThat(stub.received()).isEmpty();
            }
        }
    }

    @Test
    void forwardsMethodBodyAndHeadersAndReturnsTheUpstreamAnswer() {
        campaign().replyWith(new UpstreamStub.Reply(201,
                Map.of("Content-Type", "application/json", "Location", "/api/v1/programmes/p-9", "ETag", "\"v1\""),
                "{\"id\":\"p-9\"}"));

        given().contentType("application/json")
                .header("X-Custom", "kept")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "dropped")
                .body("{\"name\":\"Spring sale\"}")
                .post("/api/v1/programmes?dryRun=false")
                .then()
                .statusCode(201)
                .header("Location", "/api/v1/programmes/p-9")
                .header("ETag", "\"v1\"")
                .body("id", equalTo("p-9"));

        Received received = campaign().received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/api/v1/programmes?dryRun=false");
        assertThat(received.body()).isEqualTo("{\"name\":\"Spring sale\"}");
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("X-Custom")).isEqualTo("kept");
        // W3C trace context reaches the service; hop-by-hop headers (and those Connection names) do not
        assertThat(received.header("traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(received.header("X-Hop")).isNull();
        assertThat(received.header("Authorization")).startsWith("Bearer ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void forwardsEveryMethod(String method) {
        given().contentType("application/json").body("{}").request(method, "/api/v1/campaigns/c-1")
                .then().statusCode(200);

        assertThat(campaign().received()).singleElement().extracting(Received::method).isEqualTo(method);
    }

    @Test
    void streamsLargeBodiesWhole() {
        String body = "x".repeat(3 * 1024 * 1024);

        given().contentType("text/csv").body(body).post("/api/v1/collect/offline/imports").then().statusCode(200);

        assertThat(connectors().received()).singleElement().extracting(Received::body).isEqualTo(body);
    }

    @Test
    void generatesARequestIdWhenTheCallerSendsNone() {
        String requestId = given().get("/api/v1/programmes")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .extract()
                .header("X-Request-Id");

        assertThat(campaign().received().get(0).header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void propagatesTheCallersRequestIdBothWays() {
        given().header("X-Request-Id", "req-42").get("/api/v1/programmes")
                .then().statusCode(200).header("X-Request-Id", "req-42");

        assertThat(campaign().received().get(0).header("X-Request-Id")).isEqualTo("req-42");
    }

    @Test
    void setsForwardedHeaders() {
        given().get("/api/v1/programmes").then().statusCode(200);

        Received received = campaign().received().get(0);
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).endsWith(":" + RestAssured.port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/billing/invoices", "/api/v1", "/api/v1/programmesX", "/api/v1/collector"})
    void answersNotFoundProblemForPathsNoServiceOwns(String path) {
        given().get(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", matchesPattern(UUID))
                .body("type", equalTo("urn:tally:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo(path));

        GatewayFixtures.stubs().forEach(stub -> assertThat(stub.received()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/../q/health",
            "/api/v1/programmes/../../../q/health",
            "/api/v1/%2e%2e/q/health",
            "/api/v1/campaigns/%2E%2E/x",
            "/api/v1/campaigns%2F..%2Freports",
            "/api/v1/campaigns/c-1%2fgoals",
            "/api/v1/campaigns/./c-1",
            "/api/v1/campaigns/..%5Creports"})
    void refusesPathTricksWithoutReachingAnyService(String target) {
        String answer = GatewayFixtures.rawGet(target);

        assertThat(answer).startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("content-type: " + PROBLEM_JSON)
                .contains("\"type\":\"urn:tally:problem:invalid-path\"");
        GatewayFixtures.stubs().forEach(stub -> assertThat(stub.received()).isEmpty());
    }

    @Test
    void keepsItsOwnEndpointsOutsideTheApi() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().get("/api/v2/programmes").then().statusCode(404);

        GatewayFixtures.stubs().forEach(stub -> assertThat(stub.received()).isEmpty());
    }

    @Test
    void exposesTheMetricsItsDashboardPanelsRead() {
        given().get("/api/v1/programmes").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : MetricNames.exposedBy(MetricNames.GATEWAY)) {
            assertThat(metrics).as("/q/metrics names %s", name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }

    @Test
    void passesACallersTraceContextOnUnchangedWhileTracingIsOff() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        given().header("traceparent", traceparent).header("tracestate", "vendor=1").get("/api/v1/programmes")
                .then().statusCode(200);

        Received received = GatewayFixtures.campaign().received().get(0);
        assertThat(received.headers().get("traceparent")).containsExactly(traceparent);
        assertThat(received.header("tracestate")).isEqualTo("vendor=1");
    }

    private static UpstreamStub stubNamed(String service) {
        return switch (service) {
            case "campaign" -> GatewayFixtures.campaign();
            case "attribution" -> GatewayFixtures.attribution();
            default -> GatewayFixtures.connectors();
        };
    }
}
