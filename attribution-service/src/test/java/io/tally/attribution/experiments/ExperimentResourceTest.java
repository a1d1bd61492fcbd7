package io.tally.attribution.experiments;

import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.devstack.Authorized;
import io.tally.devstack.DevstackResource;
import io.tally.support.security.Role;

/** Experiments are recorded, corrected and withdrawn with their history; bad figures are named. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ExperimentResourceTest {

    private static final String BODY = """
            {"channel":"paid_social","from":"2026-09-01","to":"2026-09-21","design":"conversion_lift",
             "lift":"%s","liftLow":"0.10","liftHigh":"0.40","note":"  platform lift study  "}""";

    @Test
    void anExperimentKeepsEveryRevisionWithWhoEnteredIt() {
        String id = given().contentType("application/json").body(BODY.formatted("0.25"))
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(201).body("revision", equalTo(1)).body("channel", equalTo("paid_social"))
                .body("lift", equalTo("0.25")).body("note", equalTo("platform lift study"))
                .body("withdrawn", equalTo(false)).extract().path("id");
        given().contentType("application/json").body(BODY.formatted("0.30"))
                .when().post("/api/v1/attribution/experiments/" + id + "/revisions")
                .then().statusCode(200).body("revision", equalTo(2)).body("lift", equalTo("0.3"));
        Authorized.asUser("fin@example.com", Role.FINANCE).when()
                .post("/api/v1/attribution/experiments/" + id + "/withdraw")
                .then().statusCode(200).body("revision", equalTo(3)).body("withdrawn", equalTo(true))
                .body("lift", equalTo("0.3")).body("enteredBy", equalTo("fin@example.com"));

        given().when().get("/api/v1/attribution/experiments/" + id + "/history")
                .then().statusCode(200).body("revision", equalTo(List.of(1, 2, 3)))
                .body("lift", equalTo(List.of("0.25", "0.3", "0.3")))
                .body("withdrawn", equalTo(List.of(false, false, true)))
                .body("enteredBy[2]", equalTo("fin@example.com"));
        given().when().get("/api/v1/attribution/experiments")
                .then().statusCode(200).body("findAll { it.id == '" + id + "' }.revision", equalTo(List.of(3)));
        // withdrawing it again records nothing
        given().when().post("/api/v1/attribution/experiments/" + id + "/withdraw")
                .then().statusCode(200).body("revision", equalTo(3));
        given().when().get("/api/v1/attribution/experiments/" + id + "/history")
                .then().statusCode(200).body("revision", equalTo(List.of(1, 2, 3)));
    }

    @Test
    void correctionsAtOnceBecomeRevisionsInTurn() throws Exception {
        String id = given().contentType("application/json").body(BODY.formatted("0.25"))
                .when().post("/api/v1/attribution/experiments").then().statusCode(201).extract().path("id");
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String lift = "0.2" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return given().contentType("application/json").body(BODY.formatted(lift))
                        .when().post("/api/v1/attribution/experiments/" + id + "/revisions")
                        .then().extract().statusCode();
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            org.assertj.core.api.Assertions.assertThat(answer.get()).isEqualTo(200);
        }
        pool.shutdown();
        given().when().get("/api/v1/attribution/experiments/" + id + "/history")
                .then().statusCode(200).body("revision", equalTo(List.of(1, 2, 3, 4, 5, 6, 7)));
    }

    @Test
    void badFiguresAreRefusedFieldByField() {
        given().contentType("application/json").body("""
                {"channel":"Paid Social!","from":"2026-09-21","to":"2026-09-01","design":"survey",
                 "lift":"-1","liftLow":"0.5","liftHigh":"1000"}""")
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("channel", "to", "design", "lift", "liftHigh"));
        given().contentType("application/json").body(BODY.formatted("0.05"))
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(400).body("errors.field", hasItem("liftLow"))
                .body("errors.reason", hasItem("must not be above lift"));
        // the interval's level: one of four, 0.9 when not given, in one spelling
        given().contentType("application/json")
                .body(BODY.formatted("0.25").replace("\"note\"", "\"level\":\"0.85\",\"note\""))
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(400).body("errors.field", equalTo(List.of("level")));
        given().contentType("application/json")
                .body(BODY.formatted("0.25").replace("\"note\"", "\"level\":\"0.950\",\"note\""))
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(201).body("level", equalTo("0.95"));
        given().contentType("application/json").body(BODY.formatted("0.25"))
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(201).body("level", equalTo("0.9"));
        // a channel Tally does not know could never be calibrated
        given().contentType("application/json").body(BODY.formatted("0.25").replace("paid_social", "tv"))
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(400).body("errors.field", equalTo(List.of("channel")))
                .body("errors[0].reason", org.hamcrest.Matchers.startsWith("must be one of "));
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(400).body("errors.field", hasItems("channel", "from", "to", "design", "lift"));
        given().contentType("application/json").body(BODY.formatted("0.25"))
                .when().post("/api/v1/attribution/experiments/exp-nope/revisions").then().statusCode(404);
        given().when().post("/api/v1/attribution/experiments/exp-nope/withdraw").then().statusCode(404);
        given().when().get("/api/v1/attribution/experiments/exp-nope/history").then().statusCode(404);
    }

    @Test
    void readersReadAndOnlyAnalystsRecord() {
        RestAssured.given().when().get("/api/v1/attribution/experiments").then().statusCode(401);
        Authorized.as(Role.MARKETER).when().get("/api/v1/attribution/experiments").then().statusCode(200);
        Authorized.as(Role.MARKETER).contentType("application/json").body(BODY.formatted("0.25"))
                .when().post("/api/v1/attribution/experiments").then().statusCode(403);
    }
}
