package io.tally.gateway.security;

import static io.tally.gateway.GatewayFixtures.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.devstack.Authorized;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStubs;
import io.tally.support.security.Role;

/** The collector answers browsers on the configured origin ({@code https://shop.example} in tests) and no other. */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CollectorCorsTest {

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void aPreflightFromTheShopIsAllowed() {
        RestAssured.given().header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/collect")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.example")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        assertThat(GatewayFixtures.connectors().received()).isEmpty();
    }

    @Test
    void aBeaconFromTheShopReachesTheCollectorWithCorsHeaders() {
        RestAssured.given().header("Origin", "https://shop.example").contentType("application/json").body("{}")
                .post("/api/v1/collect")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example");
        assertThat(GatewayFixtures.connectors().received()).hasSize(1);
    }

    @Test
    void aPreflightOrBeaconFromAForeignOriginIsRefused() {
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/collect")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("urn:tally:problem:cross-origin-refused"));
        RestAssured.given().header("Origin", "https://evil.example").contentType("application/json").body("{}")
                .post("/api/v1/collect")
                .then().statusCode(403);
        assertThat(GatewayFixtures.connectors().received()).isEmpty();
    }

    @Test
    void otherApisAnswerNoCorsHeadersEvenToTheShop() {
        Authorized.as(Role.ANALYST).header("Origin", "https://shop.example")
                .get("/api/v1/reports/summary")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
