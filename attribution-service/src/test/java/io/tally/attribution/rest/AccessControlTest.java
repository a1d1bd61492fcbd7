package io.tally.attribution.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tally.devstack.Authorized;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.RawHttp;
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
    void aSecondSpellingOfTheReopenPathDoesNotLetFinanceReopen() {
        String period = "2003-07"; // a month no other test books into
        Authorized.as(Role.FINANCE).contentType(ContentType.JSON).body(Map.of("reason", "closed for the probe"))
                .post("/api/v1/finance/periods/" + period + "/close").then().statusCode(200);
        for (String spelling : List.of("/api/v1/finance/periods/" + period + "/%72eopen",
                "/api/v1/finance/periods/" + period + "/reopen;x=1", "/api/v1/finance/periods/" + period + "/reopen/",
                "/api/v1/finance//periods/" + period + "/reopen")) {
            RawHttp.Answer answer = RawHttp.send(URI.create("http://localhost:" + RestAssured.port), "POST", spelling,
                    LocalIssuer.shared().token(Role.FINANCE), "{\"reason\":\"by another spelling\"}");
            assertThat(answer.status()).as(spelling).isEqualTo(400);
            assertThat(answer.body()).as(spelling).contains("urn:tally:problem:invalid-path");
        }
        Authorized.as(Role.FINANCE).get("/api/v1/finance/periods").then().statusCode(200)
                .body("find { it.period == '" + period + "' }.state", equalTo("closed"));
    }

    @Test
    void onlyAnAdminReopensAPeriod() {
        Authorized.as(Role.FINANCE).post("/api/v1/finance/periods/2020-01/reopen").then().statusCode(403)
                .body("detail", equalTo("This operation needs one of the roles admin"));
    }
}
