package io.tally.campaign.api;

import static io.tally.campaign.CampaignFixtures.unique;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tally.devstack.Authorized;
import io.tally.devstack.DevstackResource;
import io.tally.support.security.Role;

/**
 * The service checks the caller itself (defence in depth behind the gateway): no token 401, a role the operation does
 * not allow 403, both problem+json; the allowed role gets through and is recorded as the actor.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class AccessControlTest {

    private static final String PROGRAMMES = "/api/v1/programmes";

    @Test
    void aCallWithoutATokenIsUnauthenticated() {
        RestAssured.given().get(PROGRAMMES)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:tally:problem:unauthenticated"))
                .body("instance", equalTo(PROGRAMMES));
    }

    @Test
    void aHeaderSetByAGatewayIsNoSubstituteForAToken() {
        RestAssured.given().header("X-Forwarded-User", "admin").header("X-Forwarded-For", "10.0.0.1")
                .get(PROGRAMMES)
                .then().statusCode(401);
    }

    @Test
    void anAnalystMayReadButNotChangeThePlan() {
        Authorized.as(Role.ANALYST).get(PROGRAMMES).then().statusCode(200);
        Authorized.as(Role.ANALYST).contentType(ContentType.JSON).body(programme()).post(PROGRAMMES)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:forbidden"))
                .body("detail", equalTo("This operation needs one of the roles marketer, admin"));
    }

    @Test
    void aMarketerChangesThePlanUnderTheirOwnName() {
        String id = Authorized.as(Role.MARKETER).contentType(ContentType.JSON).body(programme()).post(PROGRAMMES)
                .then().statusCode(201).extract().path("id");
        Authorized.as(Role.MARKETER).get(PROGRAMMES + "/{id}/history", id)
                .then().statusCode(200)
                .body("items[0].actor", equalTo("marketer"));
    }

    private static Map<String, Object> programme() {
        return Map.of("name", unique("Guarded"), "reportingCurrency", "EUR", "timeZone", "Europe/Berlin",
                "lookbackDays", 30);
    }
}
