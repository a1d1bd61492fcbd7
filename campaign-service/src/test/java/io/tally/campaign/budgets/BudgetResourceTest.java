package io.tally.campaign.budgets;

import static io.tally.campaign.CampaignFixtures.CAMPAIGN;
import static io.tally.campaign.CampaignFixtures.CAMPAIGNS_OF;
import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.PROGRAMMES;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.programme;
import static io.tally.campaign.CampaignFixtures.send;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class BudgetResourceTest {

    private static final String BUDGETS_OF = "/api/v1/campaigns/{id}/budgets";
    private static final String BUDGET = "/api/v1/budgets/{id}";

    /** A programme running 2026-11-01..2027-01-31 (EUR, Europe/Berlin). */
    private static String datedProgramme() {
        Map<String, Object> body = programme(unique("Budgets"));
        body.put("startDate", "2026-11-01");
        body.put("endDate", "2027-01-31");
        return given().contentType(ContentType.JSON).body(body).when().post(PROGRAMMES).then().statusCode(201)
                .extract().path("id");
    }

    /** A campaign 2026-11-01..2026-12-31 with a total budget of 20,000.00 and the given codes. */
    private static Map<String, Object> plannedCampaign(List<String> codes) {
        Map<String, Object> body = campaign(unique("Planned"), "paid_social", codes);
        body.put("startDate", "2026-11-01");
        body.put("endDate", "2026-12-31");
        body.put("budget", "20000.00");
        return body;
    }

    private static String createCampaign(String programme, List<String> codes) {
        return given().contentType(ContentType.JSON).body(plannedCampaign(codes)).when()
                .post(CAMPAIGNS_OF, programme).then().statusCode(201)
                .body("startDate", equalTo("2026-11-01")).body("budget", equalTo("20000.00"))
                .extract().path("id");
    }

    private static ValidatableResponse plan(String campaign, String period, String amount) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("period", period, "amount", amount, "currency", "EUR"))
                .when().post(BUDGETS_OF, campaign).then();
    }

    @Test
    void linesMustNotOverlapLeaveTheCampaignsDatesOrExceedItsBudget() {
        String campaign = createCampaign(datedProgramme(), List.of());
        String november = plan(campaign, "2026-11", "12000").statusCode(201)
                .header("ETag", "\"0\"")
                .body("amount", equalTo("12000.00")).body("lastDay", equalTo("2026-11-30"))
                .extract().path("id");

        plan(campaign, "2026-11-15..2026-12-15", "100").statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString(november));
        plan(campaign, "2026-12", "8000.01").statusCode(409)
                .body("detail", containsString("20000.00"));
        plan(campaign, "2027-01", "1").statusCode(400).body("errors[0].field", equalTo("period"))
                .body("errors[0].reason", containsString("2026-11-01..2026-12-31"));
        given().contentType(ContentType.JSON).body(Map.of("period", "2026-12", "amount", "-1", "currency", "USD"))
                .when().post(BUDGETS_OF, campaign).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("amount", "currency"));
        plan(campaign, "2026-12", "8000.00").statusCode(201);
        plan(UUID.randomUUID().toString(), "2026-12", "1").statusCode(404);

        given().when().get(BUDGETS_OF, campaign).then().statusCode(200)
                .body("period", equalTo(List.of("2026-11", "2026-12")))
                .body("amount", equalTo(List.of("12000.00", "8000.00")));
    }

    @Test
    void aLineIsReplacedAndDeletedOnlyWithItsCurrentETagAndItsHistoryStays() {
        String campaign = createCampaign(datedProgramme(), List.of());
        String id = plan(campaign, "2026-11", "5000").statusCode(201).extract().path("id");
        Map<String, String> body = Map.of("period", "2026-11", "amount", "6000.00", "currency", "EUR");

        given().contentType(ContentType.JSON).body(body).when().put(BUDGET, id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).when().put(BUDGET, id).then()
                .statusCode(200).header("ETag", "\"1\"").body("amount", equalTo("6000.00"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).when().put(BUDGET, id).then()
                .statusCode(412);
        given().header("If-Match", "\"0\"").when().delete(BUDGET, id).then().statusCode(412);
        given().header("If-Match", "\"1\"").when().delete(BUDGET, id).then().statusCode(204);
        given().when().get(BUDGET, id).then().statusCode(404);
        given().when().get(BUDGET + "/history", id).then().statusCode(200)
                .body("items.action", equalTo(List.of("deleted", "replaced", "created")))
                .body("items[0].changes.amount.from", equalTo("6000.00"))
                .body("items[1].changes.amount.to", equalTo("6000.00"));
    }

    @Test
    void aCampaignsDatesAndBudgetAreValidatedAndMustStillFitItsPlan() {
        String programme = datedProgramme();
        Map<String, Object> early = plannedCampaign(List.of());
        early.put("startDate", "2026-10-01");
        early.put("endDate", "2026-09-30");
        early.put("budget", "-5");
        given().contentType(ContentType.JSON).body(early).when().post(CAMPAIGNS_OF, programme).then()
                .statusCode(400).body("errors.field", containsInAnyOrder("startDate", "endDate", "budget"));

        String campaign = createCampaign(programme, List.of());
        plan(campaign, "2026-12", "15000").statusCode(201);
        Map<String, Object> smaller = plannedCampaign(List.of());
        smaller.put("budget", "10000.00");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(smaller).when().put(CAMPAIGN, campaign)
                .then().statusCode(409).body("detail", containsString("15000.00"));
        Map<String, Object> shorter = plannedCampaign(List.of());
        shorter.put("endDate", "2026-11-30");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(shorter).when().put(CAMPAIGN, campaign)
                .then().statusCode(409).body("detail", containsString("2026-12"));
    }

    @Test
    void progressShowsTheBudgetProratedToThePeriodAndTheShareSpent() throws Exception {
        String programme = datedProgramme();
        String code = unique("budgeted");
        String campaign = createCampaign(programme, List.of(code));
        plan(campaign, "2026-11", "12000").statusCode(201);
        plan(campaign, "2026-12", "8000").statusCode(201);
        send(Topics.COSTS, code, EventJson.toBytes(new Cost("cost-" + UUID.randomUUID(), LocalDate.of(2026, 11, 20),
                Channel.PAID_SOCIAL, code, "meta", Money.of("987.10", "EUR"), null, null, null, null)));

        // 16 Nov .. 15 Dec: 15 of November's 30 days (6000.00) and 15 of December's 31 days (3870.97)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = given().queryParam("period", "2026-11-16..2026-12-15")
                    .queryParam("asOf", "2026-12-20T00:00:00Z")
                    .when().get("/api/v1/programmes/{id}/progress", programme).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(p.getString("cost")).isEqualTo("987.10");
            assertThat(p.getString("budget")).isEqualTo("9870.97");
            assertThat(p.getString("budgetSpent")).isEqualTo("10.00");
            assertThat(p.getString("byCampaign[0].campaignId")).isEqualTo(campaign);
            assertThat(p.getString("byCampaign[0].budget")).isEqualTo("9870.97");
        });
    }
}
