package io.tally.campaign.goals;

import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tally.devstack.DevstackResource;

/** Revenue goals: periods, the programme's currency, one goal per scope and period, ETags and history. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class GoalResourceTest {

    private static final String GOALS_OF = "/api/v1/programmes/{id}/goals";

    private static Map<String, Object> goal(String period, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("period", period);
        body.put("amount", amount);
        body.put("currency", "EUR");
        return body;
    }

    private static ExtractableResponse<Response> post(String programme, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(GOALS_OF, programme).then().extract();
    }

    @Test
    void aMonthOrQuarterGoalIsSetReadAndListedByPeriod() {
        String programme = createProgramme(unique("Goals"));
        ExtractableResponse<Response> month = post(programme, goal("2026-11", "100000"));
        assertThat(month.statusCode()).isEqualTo(201);
        String id = month.path("id");
        assertThat(month.header("Location")).endsWith("/api/v1/goals/" + id);
        assertThat(month.header("ETag")).isEqualTo("\"" + month.path("version") + "\"");
        assertThat(month.<String> path("amount")).isEqualTo("100000.00");
        assertThat(month.<String> path("firstDay")).isEqualTo("2026-11-01");
        assertThat(month.<String> path("lastDay")).isEqualTo("2026-11-30");

        ExtractableResponse<Response> quarter = post(programme, goal("2026-q4", "250000.50"));
        assertThat(quarter.statusCode()).isEqualTo(201);
        assertThat(quarter.<String> path("period")).isEqualTo("2026-Q4");
        assertThat(quarter.<String> path("firstDay")).isEqualTo("2026-10-01");
        assertThat(quarter.<String> path("lastDay")).isEqualTo("2026-12-31");

        given().when().get(month.header("Location")).then().statusCode(200).header("ETag", month.header("ETag"))
                .body("period", equalTo("2026-11"));
        given().queryParam("period", "2026-Q4").when().get(GOALS_OF, programme).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(quarter.<String> path("id")));
        given().when().get(GOALS_OF, programme).then().body("id", containsInAnyOrder(id, quarter.path("id")));
    }

    @Test
    void oneGoalPerScopeAndPeriodButCampaignAndChannelGoalsMayJoinIt() {
        String programme = createProgramme(unique("Scoped"));
        String campaign = createCampaign(programme, unique("Scoped social"), List.of(unique("scoped")));
        assertThat(post(programme, goal("2026-11", "1000")).statusCode()).isEqualTo(201);
        post(programme, goal("2026-11", "2000")).response().then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("2026-11"));
        Map<String, Object> forCampaign = goal("2026-11", "400");
        forCampaign.put("campaignId", campaign);
        assertThat(post(programme, forCampaign).statusCode()).isEqualTo(201);
        Map<String, Object> forChannel = goal("2026-11", "300");
        forChannel.put("channel", "email");
        assertThat(post(programme, forChannel).statusCode()).isEqualTo(201);
        assertThat(post(programme, forChannel).statusCode()).isEqualTo(409);
    }

    @Test
    void badGoalsNameEachField() {
        String programme = createProgramme(unique("Bad goals"));
        Map<String, Object> body = goal("2026-13", "0");
        body.put("currency", "USD");
        post(programme, body).response().then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("period", "amount", "currency"))
                .body("errors.find { it.field == 'currency' }.reason", containsString("EUR"));
        post(programme, goal("2026-11", "-5")).response().then().statusCode(400)
                .body("errors.reason", hasItem("must be positive"));
        post(programme, goal("2026-11", "10.001")).response().then().statusCode(400)
                .body("errors.reason", hasItem("must have at most 2 decimals in EUR"));
        post(programme, goal("2026-11-30..2026-11-01", "10")).response().then().statusCode(400)
                .body("errors.field", hasItem("period"));

        String other = createProgramme(unique("Other"));
        String foreign = createCampaign(other, unique("Foreign"), List.of(unique("foreign")));
        Map<String, Object> scoped = goal("2026-11", "10");
        scoped.put("campaignId", foreign);
        scoped.put("channel", "email");
        post(programme, scoped).response().then().statusCode(400)
                .body("errors.field", containsInAnyOrder("campaignId", "channel"));
    }

    @Test
    void aGoalIsReplacedOnlyWithItsCurrentETagAndTheChangeIsInItsHistory() {
        String programme = createProgramme(unique("Replace goal"));
        ExtractableResponse<Response> created = post(programme, goal("2026-11", "1000"));
        String id = created.path("id");
        given().contentType(ContentType.JSON).body(goal("2026-11", "1500")).when().put("/api/v1/goals/{id}", id)
                .then().statusCode(428);
        ExtractableResponse<Response> replaced = given().contentType(ContentType.JSON).body(goal("2026-11", "1500"))
                .header("If-Match", created.header("ETag")).when().put("/api/v1/goals/{id}", id).then().extract();
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.<String> path("amount")).isEqualTo("1500.00");
        given().contentType(ContentType.JSON).body(goal("2026-11", "1700"))
                .header("If-Match", created.header("ETag")).when().put("/api/v1/goals/{id}", id)
                .then().statusCode(412);
        given().when().get("/api/v1/goals/{id}/history", id).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].changes.amount.from", equalTo("1000.00"))
                .body("items[0].changes.amount.to", equalTo("1500.00"));
    }
}
