package io.tally.attribution.rest;

import static org.hamcrest.Matchers.equalTo;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.devstack.Authorized;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;
import io.tally.support.security.Role;

/** The service checks the caller itself, behind the gateway: the finance ledger is for finance, not analysts. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class AccessControlTest {

    private static final String REVENUE = "/api/v1/finance/revenue?period=2026-01";

    @Test
    void theFinanceReportNeedsATokenAndTheFinanceRole() {
        RestAssured.given().get(REVENUE).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:unauthenticated"));
        Authorized.as(Role.ANALYST).get(REVENUE).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:forbidden"));
        Authorized.as(Role.FINANCE).get(REVENUE).then().statusCode(200);
    }

    @Test
    void analystsReadReports() {
        Authorized.as(Role.ANALYST).get("/api/v1/attribution/models").then().statusCode(200);
        Authorized.as(Role.INGEST).get("/api/v1/attribution/models").then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "grafana", "tally-other"})
    void aTokenOfTheSameIssuerForAnotherApplicationIsRefused(String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(LocalIssuer.ISSUER);
        claims.setSubject("admin-of-grafana");
        claims.setStringListClaim("groups", "admin", "finance");
        claims.setExpirationTimeMinutesInTheFuture(10);
        if (!audience.isEmpty()) {
            claims.setAudience(audience);
        }
        RestAssured.given().auth().oauth2(LocalIssuer.shared().signer().sign(claims)).get(REVENUE).then()
                .statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:unauthenticated"));
    }

    @Test
    void onlyAnAdminReopensAPeriod() {
        Authorized.as(Role.FINANCE).post("/api/v1/finance/periods/2020-01/reopen").then().statusCode(403)
                .body("detail", equalTo("This operation needs one of the roles admin"));
    }
}
