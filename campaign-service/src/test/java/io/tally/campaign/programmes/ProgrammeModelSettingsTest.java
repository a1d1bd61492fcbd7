package io.tally.campaign.programmes;

import static io.tally.campaign.CampaignFixtures.CAMPAIGN;
import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.PROGRAMMES;
import static io.tally.campaign.CampaignFixtures.campaignsConsumer;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.pollFor;
import static io.tally.campaign.CampaignFixtures.programme;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.ModelSettings;
import io.tally.events.json.EventJson;

/** A programme's model settings: validated, kept in one spelling, in the history, and carried to attribution. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ProgrammeModelSettingsTest {

    private static Map<String, Object> withSettings(String name, Map<String, Object> settings) {
        Map<String, Object> body = programme(name);
        body.put("modelSettings", settings);
        return body;
    }

    @Test
    void settingsAreStoredInOneSpellingAndShownBack() {
        Map<String, Object> settings = Map.of("touchWeights", Map.of("Email_Open", "0.250", "impression", "0.1"),
                "positionShares", Map.of("position_based", " 30/40/30 "), "timeDecayHalfLife", "PT72H",
                "markovOrder", 2);
        String id = given().contentType(ContentType.JSON).body(withSettings(unique("Weighted"), settings))
                .when().post(PROGRAMMES).then().statusCode(201)
                .body("modelSettings.touchWeights.email_open", equalTo("0.25"))
                .body("modelSettings.touchWeights.impression", equalTo("0.1"))
                .body("modelSettings.positionShares.position_based", equalTo("30/40/30"))
                .body("modelSettings.timeDecayHalfLife", equalTo("P3D"))
                .body("modelSettings.markovOrder", equalTo(2))
                .extract().path("id");
        given().when().get(PROGRAMMES + "/{id}", id).then().statusCode(200)
                .body("modelSettings.touchWeights.keySet()", containsInAnyOrder("email_open", "impression"))
                .body("modelSettings.timeDecayHalfLife", equalTo("P3D"));

        // a programme without settings shows none: every value is the deployment's
        given().contentType(ContentType.JSON).body(programme(unique("Plain"))).when().post(PROGRAMMES).then()
                .statusCode(201).body("modelSettings", nullValue());
    }

    @Test
    void everyBadPartIsAProblemNamingIt() {
        Map<String, Object> settings = Map.of("touchWeights", Map.of("page_view", "1", "click", "-1", "visit",
                "lots"), "positionShares", Map.of("linear", "1/1/1", "j_curve", "0.5/0.5"), "timeDecayHalfLife",
                "7 days", "markovOrder", 4);
        given().contentType(ContentType.JSON).body(withSettings(unique("Bad"), settings)).when().post(PROGRAMMES)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", containsInAnyOrder("modelSettings.touchWeights.page_view",
                        "modelSettings.touchWeights.click", "modelSettings.touchWeights.visit",
                        "modelSettings.positionShares.linear", "modelSettings.positionShares.j_curve",
                        "modelSettings.timeDecayHalfLife", "modelSettings.markovOrder"))
                .body("errors.find { it.field == 'modelSettings.touchWeights.page_view' }.reason",
                        containsString("email_open"))
                .body("errors.find { it.field == 'modelSettings.markovOrder' }.reason", equalTo("must be 1, 2 or 3"));
    }

    @Test
    void aChangeIsInTheHistoryAndTravelsToAttributionWithEveryCampaign() {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(programme(unique("Carried"))).when().post(PROGRAMMES).then().statusCode(201).extract();
        String id = created.path("id");
        String campaign = createCampaign(id, unique("Carried email"), List.of(unique("carried-mail")));

        Map<String, Object> changed = withSettings(created.path("name"), Map.of("touchWeights",
                Map.of("email_open", "0"), "markovOrder", 3));
        ExtractableResponse<Response> replaced = given().contentType(ContentType.JSON).body(changed)
                .header("If-Match", created.header("ETag")).when().put(PROGRAMMES + "/{id}", id).then().extract();
        assertThat(replaced.statusCode()).isEqualTo(200);

        given().when().get(PROGRAMMES + "/{id}/history", id).then().statusCode(200)
                .body("items[0].changes.keySet()", containsInAnyOrder("modelSettings"))
                .body("items[0].changes.modelSettings.from", nullValue())
                .body("items[0].changes.modelSettings.to.touchWeights.email_open", equalTo("0"))
                .body("items[0].changes.modelSettings.to.markovOrder", equalTo(3));
        given().when().get(CAMPAIGN, campaign).then().body("version", equalTo(2));
        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<CampaignChanged> events = pollFor(consumer, campaign, seen).stream()
                        .map(r -> EventJson.read(r.value(), CampaignChanged.class)).toList();
                assertThat(events.stream().filter(e -> e.version() == 2).map(e -> e.programme().modelSettings()))
                        .containsExactly(new ModelSettings(Map.of("email_open", BigDecimal.ZERO), Map.of(), null, 3));
            });
        }
    }
}
