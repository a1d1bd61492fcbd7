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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import io.tally.events.json.EventJson;

/** Replacing a programme: ETag and If-Match, the audit trail, closed programmes, and campaigns republished. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ProgrammeReplaceTest {

    private static ExtractableResponse<Response> create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(PROGRAMMES)
                .then().statusCode(201).extract();
    }

    private static ExtractableResponse<Response> put(String id, String ifMatch, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(PROGRAMMES + "/{id}", id).then().extract();
    }

    private static Map<String, Object> full(String name) {
        Map<String, Object> body = programme(name);
        body.put("objective", "Grow returning-customer revenue");
        body.put("startDate", "2026-11-01");
        body.put("endDate", "2026-12-31");
        body.put("officialModel", "position_based");
        body.put("officialModelParameters", Map.of("weights", "40/20/40"));
        body.put("owner", "emea@example.com");
        body.put("status", "draft");
        return body;
    }

    @Test
    void aReplaceNeedsTheCurrentETagAndMovesItOn() {
        ExtractableResponse<Response> created = create(full(unique("Winter")));
        String id = created.path("id");
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("\"" + created.path("version") + "\"");
        given().when().get(PROGRAMMES + "/{id}", id).then().statusCode(200).header("ETag", etag)
                .body("officialModel", equalTo("position_based")).body("status", equalTo("draft"))
                .body("officialModelParameters.weights", equalTo("40/20/40")).body("endDate", equalTo("2026-12-31"));

        Map<String, Object> active = full("Winter active");
        active.put("status", "active");
        put(id, null, active).response().then().statusCode(428).contentType(PROBLEM_JSON)
                .body("detail", containsString("If-Match"));
        put(id, "\"999\"", active).response().then().statusCode(412).contentType(PROBLEM_JSON)
                .body("detail", containsString(etag));

        ExtractableResponse<Response> replaced = put(id, etag, active);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.<String> path("status")).isEqualTo("active");
        assertThat(replaced.<String> path("name")).isEqualTo("Winter active");
        assertThat(replaced.header("ETag")).isNotEqualTo(etag);
        given().when().get(PROGRAMMES + "/{id}", id).then().statusCode(200)
                .header("ETag", replaced.header("ETag")).body("status", equalTo("active"));
        // the old tag is now stale
        put(id, etag, active).response().then().statusCode(412);
    }

    @Test
    void twoWritersWithTheSameETagOneWinsTheOtherGets412() throws Exception {
        ExtractableResponse<Response> created = create(full(unique("Race")));
        String id = created.path("id");
        String etag = created.header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (String owner : List.of("alice@example.com", "bob@example.com")) {
                Map<String, Object> body = full("Race");
                body.put("owner", owner);
                Callable<Integer> write = () -> {
                    start.await();
                    return put(id, etag, body).statusCode();
                };
                writers.add(pool.submit(write));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> writer : writers) {
                statuses.add(writer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        // exactly one replace happened: the version moved on by one
        long version = ((Number) created.path("version")).longValue();
        given().when().get(PROGRAMMES + "/{id}", id).then().header("ETag", "\"" + (version + 1) + "\"");
    }

    @Test
    void aClosedProgrammeIsNotReopened() {
        ExtractableResponse<Response> created = create(full(unique("Closing")));
        String id = created.path("id");
        Map<String, Object> closed = full("Closing");
        closed.put("status", "closed");
        ExtractableResponse<Response> done = put(id, created.header("ETag"), closed);
        assertThat(done.statusCode()).isEqualTo(200);
        Map<String, Object> reopened = full("Closing");
        reopened.put("status", "active");
        put(id, done.header("ETag"), reopened).response().then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("closed"));
    }

    @Test
    void badSettingsAreNamed() {
        Map<String, Object> body = full(unique("Bad"));
        body.put("startDate", "2026-12-31");
        body.put("endDate", "2026-11-01");
        given().contentType(ContentType.JSON).body(body).when().post(PROGRAMMES)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("endDate"))
                .body("errors.reason", hasItem("must not be before startDate"));
        body = full(unique("Bad"));
        body.put("officialModel", "gut_feeling");
        body.put("status", "paused");
        given().contentType(ContentType.JSON).body(body).when().post(PROGRAMMES)
                .then().statusCode(400)
                .body("errors.find { it.field == 'officialModel' }.reason", containsString("markov"))
                .body("errors.find { it.field == 'status' }.reason", equalTo("must be one of draft, active, closed"));
    }

    @Test
    void theHistorySaysWhoChangedWhatAndWhenNewestFirst() {
        ExtractableResponse<Response> created = create(full(unique("Audited")));
        String id = created.path("id");
        Map<String, Object> active = full("Audited");
        active.put("status", "active");
        active.put("owner", "new-owner@example.com");
        assertThat(put(id, created.header("ETag"), active).statusCode()).isEqualTo(200);

        given().when().get(PROGRAMMES + "/{id}/history", id).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("replaced"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].changes.status.from", equalTo("draft"))
                .body("items[0].changes.status.to", equalTo("active"))
                .body("items[0].changes.owner.to", equalTo("new-owner@example.com"))
                .body("items[0].changes.keySet()", org.hamcrest.Matchers.containsInAnyOrder("name", "owner", "status"))
                .body("items[1].action", equalTo("created"))
                .body("items[1].changes.officialModel.to", equalTo("position_based"));
    }

    @Test
    void changingWhatCampaignsCarryRepublishesThemAndOtherChangesDoNot() {
        ExtractableResponse<Response> created = create(full(unique("Carried")));
        String id = created.path("id");
        String campaign = createCampaign(id, unique("Carried social"), List.of(unique("carried")));

        Map<String, Object> longer = full("Carried");
        longer.put("lookbackDays", 45);
        ExtractableResponse<Response> first = put(id, created.header("ETag"), longer);
        assertThat(first.statusCode()).isEqualTo(200);
        given().when().get(CAMPAIGN, campaign).then().body("version", equalTo(2));
        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<CampaignChanged> events = pollFor(consumer, campaign, seen).stream()
                        .map(r -> EventJson.read(r.value(), CampaignChanged.class)).toList();
                assertThat(events).extracting(CampaignChanged::version).contains(2L);
                assertThat(events.stream().filter(e -> e.version() == 2).findFirst().orElseThrow().programme()
                        .lookbackDays()).isEqualTo(45);
            });
        }

        Map<String, Object> owner = full("Carried");
        owner.put("lookbackDays", 45);
        owner.put("owner", "someone-else@example.com");
        ExtractableResponse<Response> second = put(id, first.header("ETag"), owner);
        assertThat(second.statusCode()).isEqualTo(200);
        given().when().get(CAMPAIGN, campaign).then().body("version", equalTo(2));

        // the official model travels with the campaigns (attribution's finance reports use it)
        owner.put("officialModel", "time_decay");
        assertThat(put(id, second.header("ETag"), owner).statusCode()).isEqualTo(200);
        given().when().get(CAMPAIGN, campaign).then().body("version", equalTo(3));
    }

    @Test
    void theListFiltersByStatusAndNameAndSorts() {
        String tag = unique("Filter");
        for (String suffix : List.of("b", "a", "c")) {
            Map<String, Object> body = full(tag + "-" + suffix);
            body.put("status", suffix.equals("c") ? "draft" : "active");
            create(body);
        }
        given().queryParam("status", "active").queryParam("name", tag.toUpperCase()).queryParam("sort", "-name")
                .when().get(PROGRAMMES).then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.name", org.hamcrest.Matchers.contains(tag + "-b", tag + "-a"));
        given().queryParam("sort", "budget").when().get(PROGRAMMES).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("errors.field", hasItem("sort"));
        given().queryParam("status", "paused").when().get(PROGRAMMES).then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }
}
