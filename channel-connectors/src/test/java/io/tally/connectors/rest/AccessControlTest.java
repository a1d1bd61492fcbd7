package io.tally.connectors.rest;

import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tally.devstack.Authorized;
import io.tally.devstack.DevstackResource;
import io.tally.support.security.Role;

/**
 * The service checks the caller itself, behind the gateway: browsers collect without a token, bulk imports need the
 * ingest role.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class AccessControlTest {

    @Test
    void theCollectorTakesEventsWithoutAToken() {
        RestAssured.given().contentType(ContentType.JSON).body(pageView(uniqueId("open")))
                .post("/api/v1/collect").then().statusCode(202);
    }

    @Test
    void importsNeedTheIngestRole() {
        RestAssured.given().contentType("text/csv").body("x").post("/api/v1/imports/offline")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:tally:problem:unauthenticated"));
        Authorized.as(Role.MARKETER).contentType("text/csv").body("x").post("/api/v1/imports/offline")
                .then().statusCode(403)
                .body("type", equalTo("urn:tally:problem:forbidden"));
        Authorized.as(Role.INGEST).get("/api/v1/imports/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }

    @Test
    void aTokenThatFailsVerificationIsRefusedWithTheReason() {
        RestAssured.given().auth().oauth2("not-a-jwt").get("/api/v1/imports/00000000-0000-0000-0000-000000000000")
                .then().statusCode(401)
                .body("detail", equalTo("Not authenticated: the bearer token is not a well-formed JWT"));
    }
}
