package io.tally.connectors.offline.rest;

import static io.tally.connectors.offline.OfflineFixtures.marker;
import static io.tally.connectors.offline.OfflineFixtures.overlappingPosExport;
import static io.tally.connectors.offline.OfflineFixtures.posExport;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.devstack.DevstackResource;
import io.tally.events.Conversion;
import io.tally.events.Money;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/** A POS export with good and malformed rows, end to end: job, counts, rejects report, topics, re-uploads. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OfflineImportResourceTest {

    static final String OFFLINE = "/api/v1/imports/offline";
    /** RestAssured would otherwise append its default charset, ISO-8859-1, to a text/* type. */
    static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    private TopicProbe conversions;
    private TopicProbe rejects;

    @BeforeEach
    void openProbes() {
        conversions = TopicProbe.of(Topics.CONVERSIONS);
        rejects = TopicProbe.of(Topics.REJECTS);
    }

    @AfterEach
    void closeProbes() {
        conversions.close();
        rejects.close();
    }

    /** Uploads {@code csv}; returns the job id after checking the 202 answer. */
    static String upload(String kind, String csv, Map<String, String> mapping) {
        String id = given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", kind)
                .queryParams(mapping).body(csv)
                .when().post(OFFLINE)
                .then().statusCode(202)
                .body("status", equalTo("queued"))
                .body("kind", equalTo(kind))
                .extract().path("id");
        return id;
    }

    /** Waits for the job to end; returns its JSON. */
    static JsonPath awaitFinished(String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath(),
                        job -> List.of("completed", "failed").contains(job.getString("status")));
    }

    @Test
    void uploadAnswers202WithLocationAndLinks() {
        String m = marker();
        var response = given().contentType("text/csv; charset=UTF-8").queryParam("kind", "conversions")
                .body(posExport(m))
                .when().post(OFFLINE)
                .then().statusCode(202)
                .body("id", notNullValue())
                .extract();
        String id = response.path("id");

        assertThat(response.header("Location")).isEqualTo("/api/v1/imports/" + id);
        assertThat(response.<String> path("links.self")).isEqualTo("/api/v1/imports/" + id);
        assertThat(response.<String> path("links.rejects")).isEqualTo("/api/v1/imports/" + id + "/rejects");
        awaitFinished(id);
    }

    @Test
    void posExportCompletesWithGoodRowsPublishedAndEachBadRowCounted() {
        String m = marker();
        Instant before = Instant.now();

        JsonPath job = awaitFinished(upload("conversions", posExport(m), Map.of()));

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("rowsRead")).isEqualTo(9);
        assertThat(job.getLong("accepted")).isEqualTo(4);
        assertThat(job.getLong("deduplicated")).isZero();
        assertThat(job.getLong("rejected")).isEqualTo(5);
        assertThat(job.getString("error")).isNull();
        assertThat(Instant.parse(job.getString("createdAt"))).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(Instant.parse(job.getString("finishedAt")))
                .isAfterOrEqualTo(Instant.parse(job.getString("startedAt")));

        List<Conversion> published = conversions.awaitMentioning("POS-" + m, 4).stream()
                .map(r -> EventJson.read(r.value(), Conversion.class)).toList();
        assertThat(published).extracting(Conversion::orderId)
                .containsExactlyInAnyOrder("POS-" + m + "-1", "POS-" + m + "-3", "POS-" + m + "-6", "POS-" + m + "-9");
        Conversion first = published.stream().filter(c -> c.orderId().endsWith("-1")).findFirst().orElseThrow();
        assertThat(first.eventId()).isEqualTo("order:POS-" + m + "-1");
        assertThat(first.revenue()).isEqualTo(Money.of("89.90", "EUR"));
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:02:11Z"));
        assertThat(first.couponCode()).isEqualTo("BF10");
        assertThat(first.source()).isEqualTo("pos");
        assertThat(first.identifiers().loyaltyId()).isEqualTo("LOY-" + m + "-1");
        assertThat(first.identifiers().emailSha256())
                .isEqualTo(IdentityKeys.emailSha256("anna.berg+" + m + "@example.com"));
        Conversion last = published.stream().filter(c -> c.orderId().endsWith("-9")).findFirst().orElseThrow();
        assertThat(last.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:45:10Z"));
        assertThat(last.revenue()).isEqualTo(Money.of("1234.50", "EUR"));
        assertThat(last.couponCode()).isEqualTo("SUMMER,26");
        Conversion yen = published.stream().filter(c -> c.orderId().endsWith("-6")).findFirst().orElseThrow();
        assertThat(yen.revenue()).isEqualTo(Money.of("1250", "JPY"));
        conversions.mentioning("POS-" + m).forEach(r -> assertThat(TopicProbe.value(r)).doesNotContain("@example.com"));
    }

    @Test
    void badRowsAreDeadLetteredWithTheirColumnAndAMaskedRawRow() {
        String m = marker();

        awaitFinished(upload("conversions", posExport(m), Map.of()));

        List<Reject> letters = rejects.awaitMentioning("POS-" + m, 5).stream()
                .map(r -> EventJson.read(r.value(), Reject.class)).toList();
        assertThat(letters).hasSize(5).allSatisfy(r -> assertThat(r.source()).isEqualTo("offline.csv"));
        assertThat(letters).extracting(Reject::field)
                .containsExactlyInAnyOrder("occurred_at", "amount", "currency", "amount", "identifiers");
        Reject decimals = letters.stream().filter(r -> r.rawPayload().startsWith("POS-" + m + "-7,")).findFirst()
                .orElseThrow();
        assertThat(decimals.rawPayload())
                .isEqualTo("POS-" + m + "-7,HAM-01,1,2026-11-22 10:21:13,9.999,EUR,,***,XMAS5");
        assertThat(decimals.reason()).isEqualTo("has more decimals than EUR allows (2)");
        rejects.mentioning("POS-" + m).forEach(r -> assertThat(TopicProbe.value(r)).doesNotContain("@example.com"));
    }

    @Test
    void rejectsReportAsCsvListsEveryBadRowWithNumberColumnAndReason() {
        String m = marker();
        String id = upload("conversions", posExport(m), Map.of());
        awaitFinished(id);

        var response = given().when().get("/api/v1/imports/" + id + "/rejects")
                .then().statusCode(200).contentType(OfflineImportResourceTest.CSV_UTF8).extract();

        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"import-" + id + "-rejects.csv\"");
        assertThat(response.asString().split("\r\n")).containsExactly(
                "row,column,reason,raw",
                "2,occurred_at,\"must be an ISO-8601 instant (2026-11-22T10:15:30Z) or yyyy-MM-dd HH:mm:ss in UTC, "
                        + "not 22.11.2026 10:05\",\"POS-" + m + "-2,BER-01,3,22.11.2026 10:05,19.90,EUR,LOY-" + m
                        + "-2,,\"",
                "4,amount,must not be negative,\"POS-" + m + "-4,BER-02,2,2026-11-22 10:11:02,-5.00,EUR,LOY-" + m
                        + "-4,,\"",
                "5,currency,is not an ISO 4217 currency code: XYZ,\"POS-" + m
                        + "-5,BER-02,2,2026-11-22 10:15:45,49.00,XYZ,LOY-"
                        + m + "-5,,\"",
                "7,amount,has more decimals than EUR allows (2),\"POS-" + m
                        + "-7,HAM-01,1,2026-11-22 10:21:13,9.999,EUR,,***,XMAS5\"",
                "8,identifiers,\"at least one of loyalty_id, email is required\",\"POS-" + m
                        + "-8,HAM-01,4,2026-11-22 10:30:00,15.00,EUR,,,\"");
    }

    @Test
    void rejectsReportAsJsonListsTheSameRows() {
        String m = marker();
        String id = upload("conversions", posExport(m), Map.of());
        awaitFinished(id);

        JsonPath report = given().accept("application/json").when().get("/api/v1/imports/" + id + "/rejects")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();

        assertThat(report.getList("row", Integer.class)).containsExactly(2, 4, 5, 7, 8);
        assertThat(report.getList("column", String.class))
                .containsExactly("occurred_at", "amount", "currency", "amount", "identifiers");
        assertThat(report.getList("reason", String.class)).containsExactly(
                "must be an ISO-8601 instant (2026-11-22T10:15:30Z) or yyyy-MM-dd HH:mm:ss in UTC, not 22.11.2026 10:05",
                "must not be negative",
                "is not an ISO 4217 currency code: XYZ",
                "has more decimals than EUR allows (2)",
                "at least one of loyalty_id, email is required");
        assertThat(report.getString("[3].raw"))
                .isEqualTo("POS-" + m + "-7,HAM-01,1,2026-11-22 10:21:13,9.999,EUR,,***,XMAS5");
    }

    @Test
    void reuploadingTheSameFilePublishesNothingAndCountsEveryGoodRowAsDeduplicated() {
        String m = marker();
        awaitFinished(upload("conversions", posExport(m), Map.of()));
        conversions.awaitMentioning("POS-" + m, 4);
        rejects.awaitMentioning("POS-" + m, 5);

        JsonPath again = awaitFinished(upload("conversions", posExport(m), Map.of()));

        assertThat(again.getString("status")).isEqualTo("completed");
        assertThat(again.getLong("rowsRead")).isEqualTo(9);
        assertThat(again.getLong("accepted")).isZero();
        assertThat(again.getLong("deduplicated")).isEqualTo(4);
        assertThat(again.getLong("rejected")).isEqualTo(5);
        staysAt(conversions, "POS-" + m, 4);
        staysAt(rejects, "POS-" + m, 5);
    }

    @Test
    void anOverlappingFilePublishesOnlyItsNewRows() {
        String m = marker();
        awaitFinished(upload("conversions", posExport(m), Map.of()));
        conversions.awaitMentioning("POS-" + m, 4);

        JsonPath next = awaitFinished(upload("conversions", overlappingPosExport(m), Map.of()));

        assertThat(next.getLong("rowsRead")).isEqualTo(4);
        assertThat(next.getLong("accepted")).isEqualTo(2);
        assertThat(next.getLong("deduplicated")).isEqualTo(2);
        assertThat(next.getLong("rejected")).isZero();
        List<ConsumerRecord<String, byte[]>> all = conversions.awaitMentioning("POS-" + m, 6);
        assertThat(all).extracting(r -> EventJson.read(r.value(), Conversion.class).orderId())
                .containsOnlyOnce("POS-" + m + "-6", "POS-" + m + "-9", "POS-" + m + "-10", "POS-" + m + "-11");
        staysAt(conversions, "POS-" + m, 6);
    }

    @Test
    void recentJobsAreListedNewestFirstWithTheirCounters() {
        String first = upload("conversions", posExport(marker()), Map.of());
        String second = upload("conversions", posExport(marker()), Map.of());
        awaitFinished(first);
        awaitFinished(second);
        JsonPath listed = given().queryParam("limit", 2).when().get("/api/v1/imports").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("id")).containsExactly(second, first);
        JsonPath one = given().when().get("/api/v1/imports/" + first).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getMap("[1]")).isEqualTo(one.getMap(""));
        assertThat(given().when().get("/api/v1/imports").then().statusCode(200).extract().jsonPath().getList("id"))
                .hasSizeLessThanOrEqualTo(20).startsWith(second, first);

        for (String bad : List.of("0", "101", "-1", "x", "1.5")) {
            given().queryParam("limit", bad).when().get("/api/v1/imports").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void unknownJobIsAnswered404Problem() {
        given().when().get("/api/v1/imports/5d0c8a52-2f7e-4c11-8f8e-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:not-found"))
                .body("detail", equalTo("import 5d0c8a52-2f7e-4c11-8f8e-000000000000 does not exist"));
        given().when().get("/api/v1/imports/not-a-job/rejects")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void staysAt(TopicProbe probe, String marker, int count) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> probe.mentioning(marker).size() == count);
    }
}
