package io.tally.gateway.ratelimit;

import static io.tally.gateway.GatewayFixtures.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.tally.devstack.LocalIssuer;
import io.tally.gateway.UpstreamStubs;
import io.tally.support.security.Role;

/** With 3 calls a minute per caller, the fourth answers 429; each caller (token subject, or address) counts alone. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeAMinute.class)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

    public static class ThreeAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tally.gateway.rate-limits.api.capacity", "3",
                    "tally.gateway.rate-limits.collect.capacity", "2");
        }
    }

    @Test
    void theFourthCallInAMinuteIsTooManyAndOtherCallersAreUnaffected() {
        String analyst = LocalIssuer.shared().token("rate-analyst", java.time.Duration.ofHours(1), Role.ANALYST);
        for (int call = 1; call <= 3; call++) {
            RestAssured.given().auth().oauth2(analyst).get("/api/v1/reports/summary")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(3 - call));
        }
        Response refused = RestAssured.given().auth().oauth2(analyst).get("/api/v1/reports/summary");
        refused.then().statusCode(429)
                .contentType(PROBLEM_JSON)
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("urn:tally:problem:rate-limited"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 20L);
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(1L, 60L);

        String finance = LocalIssuer.shared().token("rate-finance", java.time.Duration.ofHours(1), Role.FINANCE);
        RestAssured.given().auth().oauth2(finance).get("/api/v1/reports/summary").then().statusCode(200);
    }

    @Test
    void thePublicCollectorIsLimitedPerClientAddressInItsOwnGroup() {
        for (int call = 1; call <= 2; call++) {
            RestAssured.given().contentType("application/json").body("{}").post("/api/v1/collect")
                    .then().statusCode(200).header("RateLimit-Limit", "2");
        }
        RestAssured.given().contentType("application/json").body("{}").post("/api/v1/collect")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
