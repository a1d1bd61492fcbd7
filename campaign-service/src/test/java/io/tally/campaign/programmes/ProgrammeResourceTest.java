package io.tally.campaign.programmes;

import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.PROGRAMMES;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.programme;
import static io.tally.campaign.CampaignFixtures.programmeWith;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.ArrayList;
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
class ProgrammeResourceTest {

    @Test
    void createdProgrammeIsReturnedWithLocationAndCanBeReadBack() {
        String name = unique("Spring");
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(programme(name))
                .when().post(PROGRAMMES)
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("name", equalTo(name))
                .body("reportingCurrency", equalTo("EUR"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("lookbackDays", equalTo(14))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(PROGRAMMES + "/" + id);

        Map<String, Object> read = given().when().get(created.header("Location"))
                .then().statusCode(200).extract().as(Map.class);
        assertThat(read).isEqualTo(created.as(Map.class));
    }

    @Test
    void lookbackDaysDefaultsTo30WhenOmitted() {
        given().contentType(ContentType.JSON).body(programmeWith("lookbackDays", null))
                .when().post(PROGRAMMES)
                .then().statusCode(201).body("lookbackDays", equalTo(30));
    }

    @Test
    void invalidProgrammeNamesEveryBadField() {
        Map<String, Object> body = programmeWith("name", null);
        body.put("reportingCurrency", "EURO");
        body.put("timeZone", "Mars/Olympus_Mons");
        body.put("lookbackDays", 0);

        given().contentType(ContentType.JSON).body(body)
                .when().post(PROGRAMMES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("type", equalTo("urn:tally:problem:validation"))
                .body("instance", equalTo(PROGRAMMES))
                .body("errors.field", containsInAnyOrder("name", "reportingCurrency", "timeZone", "lookbackDays"));
    }

    @Test
    void lookbackDaysAbove90IsRejected() {
        given().contentType(ContentType.JSON).body(programmeWith("lookbackDays", 91))
                .when().post(PROGRAMMES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("lookbackDays"))
                .body("errors[0].reason", equalTo("must be less than or equal to 90"));
    }

    @Test
    void nameLongerThan200CharactersIsRejected() {
        given().contentType(ContentType.JSON).body(programmeWith("name", "n".repeat(201)))
                .when().post(PROGRAMMES)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name"));
    }

    @Test
    void unknownProgrammeIsA404Problem() {
        UUID id = UUID.randomUUID();
        given().when().get(PROGRAMMES + "/{id}", id)
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("detail", equalTo("programme " + id + " does not exist"))
                .body("instance", endsWith(id.toString()));
    }

    @Test
    void listIsSortedByCreationTimeAndIncludesNewProgrammes() {
        List<String> ids = List.of(createProgramme(unique("First")), createProgramme(unique("Second")),
                createProgramme(unique("Third")));

        ExtractableResponse<Response> page = given().queryParam("page", 0).queryParam("size", 200)
                .when().get(PROGRAMMES)
                .then().statusCode(200).body("page", equalTo(0)).extract();
        long total = ((Number) page.path("totalItems")).longValue();
        assertThat(total).isGreaterThanOrEqualTo(3);
        // walk every page: ours are in creation order, and createdAt never goes backwards
        List<String> all = new ArrayList<>();
        List<Instant> createdAts = new ArrayList<>();
        for (int p = 0; p * 200L < total; p++) {
            ExtractableResponse<Response> each = given().queryParam("page", p).queryParam("size", 200)
                    .when().get(PROGRAMMES).then().statusCode(200).extract();
            all.addAll(each.path("items.id"));
            each.<List<String>> path("items.createdAt").forEach(t -> createdAts.add(Instant.parse(t)));
        }
        assertThat(all).containsSubsequence(ids);
        assertThat(createdAts).isSorted();
    }

    @Test
    void pageSizeIsCappedAtTheConfiguredMaximum() {
        createProgramme(unique("Capped"));
        given().queryParam("size", 5000)
                .when().get(PROGRAMMES)
                .then().statusCode(200)
                .body("size", equalTo(200));
    }

    @Test
    void negativePageIsRejectedNamingTheParameter() {
        given().queryParam("page", -1)
                .when().get(PROGRAMMES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("page"));
    }
}
