package io.tally.campaign.api;

import static io.tally.campaign.CampaignFixtures.CAMPAIGN;
import static io.tally.campaign.CampaignFixtures.CAMPAIGNS_OF;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.campaignsConsumer;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.pollFor;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class DeletionTest {

    @Test
    void aDeletedCampaignReleasesItsCodesIsPublishedAsDeletedAndKeepsItsHistory() {
        String programme = createProgramme(unique("Deletions"));
        String code = unique("gone");
        String campaign = createCampaign(programme, "Mistake", List.of(code));
        String budget = given().contentType(ContentType.JSON)
                .body(Map.of("period", "2026-11", "amount", "100", "currency", "EUR"))
                .when().post("/api/v1/campaigns/{id}/budgets", campaign).then().statusCode(201).extract().path("id");

        given().when().delete(CAMPAIGN, campaign).then().statusCode(428);
        given().header("If-Match", "\"1\"").when().delete(CAMPAIGN, campaign).then().statusCode(409)
                .body("detail", containsString("1 budget line(s)"));
        given().header("If-Match", "\"0\"").when().delete("/api/v1/budgets/{id}", budget).then().statusCode(204);
        given().header("If-Match", "\"1\"").when().delete(CAMPAIGN, campaign).then().statusCode(204);

        given().when().get(CAMPAIGN, campaign).then().statusCode(404);
        given().header("If-Match", "\"2\"").when().delete(CAMPAIGN, campaign).then().statusCode(404);
        given().when().get(CAMPAIGNS_OF, programme).then().body("items", empty());
        given().when().get(CAMPAIGN + "/history", campaign).then().statusCode(200)
                .body("items[0].action", equalTo("deleted")).body("items[0].version", equalTo(2));
        given().contentType(ContentType.JSON).body(campaign("Second try", "email", List.of(code)))
                .when().post(CAMPAIGNS_OF, programme).then().statusCode(201);

        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                CampaignChanged v2 = pollFor(consumer, campaign, seen).stream()
                        .map(r -> EventJson.read(r.value(), CampaignChanged.class)).filter(e -> e.version() == 2)
                        .findFirst().orElseThrow(() -> new AssertionError("version 2 not (yet) published"));
                assertThat(v2.deleted()).isTrue();
                assertThat(v2.trackingCodes()).isEmpty();
            });
        }
    }

    @Test
    void aDeletedGoalKeepsItsHistory() {
        String programme = createProgramme(unique("Goal deletions"));
        String goal = given().contentType(ContentType.JSON)
                .body(Map.of("period", "2026-11", "amount", "1000", "currency", "EUR"))
                .when().post("/api/v1/programmes/{id}/goals", programme).then().statusCode(201).extract().path("id");
        given().header("If-Match", "\"7\"").when().delete("/api/v1/goals/{id}", goal).then().statusCode(412);
        given().header("If-Match", "\"0\"").when().delete("/api/v1/goals/{id}", goal).then().statusCode(204);
        given().when().get("/api/v1/goals/{id}", goal).then().statusCode(404);
        given().when().get("/api/v1/goals/{id}/history", goal).then().statusCode(200)
                .body("items.action", equalTo(List.of("deleted", "created")));
        given().when().get("/api/v1/programmes/{id}/goals", programme).then().body("$", empty());
    }
}
