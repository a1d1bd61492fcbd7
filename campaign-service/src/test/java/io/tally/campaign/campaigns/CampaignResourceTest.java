package io.tally.campaign.campaigns;

import static io.tally.campaign.CampaignFixtures.CAMPAIGN;
import static io.tally.campaign.CampaignFixtures.CAMPAIGNS_OF;
import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tally.devstack.DevstackResource;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class CampaignResourceTest {

    @Test
    void createdCampaignHasNormalisedCodesVersion1AndCanBeReadBack() {
        String programmeId = createProgramme(unique("Programme"));
        String code = unique("Spring-Sale");
        String name = unique("Instagram");

        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(campaign(name, "paid_social", List.of("  " + code.toUpperCase() + " ", code, code + "-B")))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(201)
                .body("programmeId", equalTo(programmeId))
                .body("name", equalTo(name))
                .body("channel", equalTo("paid_social"))
                .body("trackingCodes.code", contains(code.toLowerCase(), code.toLowerCase() + "-b"))
                .body("version", equalTo(1))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/campaigns/" + id);

        given().when().get(CAMPAIGN, id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("trackingCodes.code", contains(code.toLowerCase(), code.toLowerCase() + "-b"));
    }

    @Test
    void campaignsOfAProgrammeArePagedFilteredAndSorted() {
        String programmeId = createProgramme(unique("Programme"));
        String first = createCampaign(programmeId, "Zeta social", List.of(unique("first")));
        String second = createCampaign(programmeId, "alpha social", List.of());
        Map<String, Object> dated = campaign("Black Friday email", "email", List.of());
        dated.put("startDate", "2026-11-20");
        dated.put("endDate", "2026-11-30");
        String third = given().contentType(ContentType.JSON).body(dated).when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(201).extract().path("id");

        given().when().get(CAMPAIGNS_OF, programmeId).then().statusCode(200)
                .body("items.id", contains(first, second, third)).body("totalItems", equalTo(3));
        given().queryParam("size", 2).queryParam("page", 1).when().get(CAMPAIGNS_OF, programmeId).then()
                .body("items.id", contains(third)).body("size", equalTo(2)).body("totalItems", equalTo(3));
        given().queryParam("sort", "-name").when().get(CAMPAIGNS_OF, programmeId).then()
                .body("items.id", contains(first, third, second));
        given().queryParam("name", "SOCIAL").queryParam("sort", "name").when().get(CAMPAIGNS_OF, programmeId).then()
                .body("items.id", contains(second, first));
        given().queryParam("channel", "email").when().get(CAMPAIGNS_OF, programmeId).then()
                .body("items.id", contains(third));
        given().queryParam("activeOn", "2026-12-01").when().get(CAMPAIGNS_OF, programmeId).then()
                .body("items.id", contains(first, second)); // the dated one has ended; undated ones always run
        given().queryParam("channel", "fax").when().get(CAMPAIGNS_OF, programmeId).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("errors[0].field", equalTo("channel"));
        given().queryParam("sort", "budget").when().get(CAMPAIGNS_OF, programmeId).then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void campaignInUnknownProgrammeIsA404Problem() {
        UUID programmeId = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(campaign("Orphan", "email", List.of(unique("orphan"))))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("programme " + programmeId + " does not exist"));
        given().when().get(CAMPAIGNS_OF, programmeId).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownCampaignIsA404Problem() {
        UUID id = UUID.randomUUID();
        given().when().get(CAMPAIGN, id)
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("campaign " + id + " does not exist"));
    }

    @Test
    void unknownChannelIsRejectedNamingTheAllowedValues() {
        String programmeId = createProgramme(unique("Programme"));
        given().contentType(ContentType.JSON).body(campaign("Bad channel", "tiktok", List.of()))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", contains("channel"))
                .body("errors[0].reason", allOf(containsString("paid_social"), containsString("offline")));
    }

    @Test
    void badTrackingCodesAreRejectedNamingTheirIndex() {
        String programmeId = createProgramme(unique("Programme"));
        given().contentType(ContentType.JSON)
                .body(campaign("Bad codes", "email",
                        List.of(unique("fine"), " ", "has space", "x".repeat(201))))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("trackingCodes[1].code", "trackingCodes[2].code",
                        "trackingCodes[3].code"));
    }

    @Test
    void codeConflictNamesTheOtherCampaign() {
        String programmeId = createProgramme(unique("Programme"));
        String code = unique("shared");
        String ownerName = unique("Owner");
        String ownerId = createCampaign(programmeId, ownerName, List.of(code));

        given().contentType(ContentType.JSON).body(campaign(unique("Latecomer"), "email", List.of(code)))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("detail", allOf(containsString(code), containsString(ownerName), containsString(ownerId)));
    }

    @Test
    void codesAreMatchedCaseInsensitivelyAcrossProgrammes() {
        String code = unique("Mixed-Case");
        String ownerName = unique("Owner");
        String ownerId = createCampaign(createProgramme(unique("Programme")), ownerName, List.of(code.toLowerCase()));

        given().contentType(ContentType.JSON)
                .body(campaign(unique("Shouting"), "display", List.of(" " + code.toUpperCase() + " ")))
                .when().post(CAMPAIGNS_OF, createProgramme(unique("Other programme")))
                .then().statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString(ownerName), containsString(ownerId)))
                .body("instance", endsWith("/campaigns"));
    }
}
