package io.tally.connectors.rejects.service;

import static io.tally.devstack.Authorized.as;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;
import io.tally.support.security.Role;

/**
 * The reject log against the real broker and database: dead letters sent to {@code tally.rejects} come back from
 * {@code GET /api/v1/rejects} once each, grouped by reason as the test sent them; records that are no dead letter
 * neither stop the log nor go back to the topic; a bad pixel hit travels the whole way; bad parameters are problems;
 * only ingest and admin may read it; old rows are purged.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class RejectLogTest {

    private static final String PATH = "/api/v1/rejects";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static KafkaProducer<String, byte[]> producer;

    @Inject
    RejectLogPurge purge;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void openProducer() {
        Properties props = new Properties();
        props.putAll(TopicProbe.brokerConfig());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    private static void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.REJECTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(Reject reject) {
        send(reject.source(), EventJson.toBytes(reject));
    }

    private static Reject reject(String source, Instant at, String raw, String field, String reason) {
        return Reject.of(at, source, raw, List.of(new Violation(field, reason)));
    }

    private static JsonPath log(Map<String, ?> query) {
        return as(Role.INGEST).queryParams(query).get(PATH).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void deadLettersAreLoggedOnceEachAndServedByReasonNewestFirst() {
        String run = "test.rl-" + UUID.randomUUID().toString().substring(0, 8);
        String pixel = run + ".pixel";
        String consumer = run + ".consumer";
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        List<Reject> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(reject(pixel, t0.plusSeconds(60L * i), "t=page_view&url=bad" + i, "url",
                    "must be an absolute http(s) URL"));
        }
        sent.add(reject(pixel, t0.plusSeconds(30), "t=page_view&amount=", "amount", "is required"));
        sent.add(reject(consumer, t0.plusSeconds(600), "{\"orderId\":\"x\"}", "currency", "is required"));
        sent.forEach(RejectLogTest::send);
        // the same dead letter again (a redelivery, or the same bad input sent twice): one row
        send(sent.get(0));
        send(reject(pixel, t0.plusSeconds(999), "t=page_view&url=bad0", "url", "must be an absolute http(s) URL"));

        Map<String, String> ofPixel = Map.of("source", pixel, "since", "2026-12-01T00:00:00Z", "limit", "2");
        await().atMost(PATIENCE).until(() -> log(ofPixel).getLong("total") == 4);
        JsonPath json = log(ofPixel);
        assertThat(json.getString("source")).isEqualTo(pixel);
        assertThat(json.getString("since")).isEqualTo("2026-12-01T00:00:00Z");
        List<Map<String, Object>> groups = json.getList("byReason");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsEntry("source", pixel).containsEntry("field", "url")
                .containsEntry("reason", "must be an absolute http(s) URL").containsEntry("count", 3)
                .containsEntry("firstAt", "2026-12-01T10:00:00Z").containsEntry("lastAt", "2026-12-01T10:02:00Z");
        assertThat(groups.get(1)).containsEntry("field", "amount").containsEntry("reason", "is required")
                .containsEntry("count", 1).containsEntry("firstAt", "2026-12-01T10:00:30Z");
        List<Map<String, Object>> recent = json.getList("recent");
        assertThat(recent).extracting(r -> r.get("rawExcerpt"))
                .containsExactly("t=page_view&url=bad2", "t=page_view&url=bad1");
        assertThat(recent.get(0)).containsEntry("eventId", sent.get(2).eventId())
                .containsEntry("rejectedAt", "2026-12-01T10:02:00Z").containsEntry("field", "url");

        // a window after the first rejections leaves them out
        assertThat(log(Map.of("source", pixel, "since", "2026-12-01T10:00:31Z")).getLong("total")).isEqualTo(2);
        // the other source on its own, and every source together
        await().atMost(PATIENCE).until(() -> log(Map.of("source", consumer, "since", "2026-12-01T00:00:00Z"))
                .getLong("total") == 1);
        assertThat(log(Map.of("since", "2026-12-01T00:00:00Z")).getLong("total")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void recordsThatAreNoDeadLetterAreLoggedUnderTheLogsOwnSourceAndNeverStopIt() {
        String marker = "rl-bad-" + UUID.randomUUID();
        Instant now = Instant.now();
        send("x", ("not json " + marker).getBytes(StandardCharsets.UTF_8));
        send("x", ("{\"eventId\":\"reject:" + marker + "\",\"source\":\"x\",\"rawPayload\":\"" + marker + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String source = "test." + marker;
        Reject withNul = reject(source, now, "a\u0000b " + marker, "field\u0000", "reason " + "x".repeat(5_000));
        send(withNul);
        Reject after = reject(source, now, "after " + marker, "f", "r");
        send(after);

        await().atMost(PATIENCE).until(() -> log(Map.of("source", source)).getLong("total") == 2);
        List<Map<String, Object>> ours = log(Map.of("source", source, "limit", "100")).getList("recent");
        Map<String, Object> nul = ours.stream().filter(r -> r.get("eventId").equals(withNul.eventId())).findFirst()
                .orElseThrow();
        assertThat(nul.get("rawExcerpt")).isEqualTo("a\uFFFDb " + marker);
        assertThat(nul.get("field")).isEqualTo("field\uFFFD");
        assertThat((String) nul.get("reason")).hasSize(RejectLog.REASON_CHARS + 1).endsWith("x…");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                log(Map.of("source", RejectLogConsumer.SOURCE, "limit", "100")).getList("recent.rawExcerpt",
                        String.class))
                .filteredOn(raw -> raw.contains(marker)).hasSize(2));
        // and nothing went back to the topic
        try (TopicProbe rejects = TopicProbe.of(Topics.REJECTS)) {
            assertThat(rejects.awaitMentioning(marker, 4)).extracting(r -> r.key()).containsExactlyInAnyOrder("x", "x",
                    source, source);
            rejects.assertNothingMentioning(RejectLogConsumer.SOURCE, Duration.ofSeconds(1));
        }
    }

    @Test
    void eMailAddressesInTheInputAreMaskedInTheExcerpt() {
        String source = "test.rl-mask-" + UUID.randomUUID();
        send(reject(source, Instant.now(),
                "{\"email\":\"Jane.Doe+x@mail.example.co.uk\",\"q\":\"a=jane%40example.com&b=1\","
                        + "\"note\":\"not@an address\"}",
                "email", "is not valid"));
        await().atMost(PATIENCE).until(() -> log(Map.of("source", source)).getLong("total") == 1);
        assertThat(log(Map.of("source", source)).getString("recent[0].rawExcerpt"))
                .isEqualTo("{\"email\":\"***\",\"q\":\"a=***&b=1\",\"note\":\"not@an address\"}");
    }

    @Test
    void aBadPixelHitTravelsFromTheCollectorThroughTheTopicIntoTheLog() {
        String anonymousId = "rl-pixel-" + UUID.randomUUID();
        given().queryParam("t", "page_view").queryParam("aid", anonymousId).queryParam("url", "not a url")
                .get("/api/v1/collect/pixel.gif").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                log(Map.of("source", "web.pixel", "limit", "100")).getList("recent", Map.class))
                .anySatisfy(r -> assertThat(r).containsEntry("field", "url")
                        .containsEntry("reason", "must be an absolute http(s) URL")
                        .hasEntrySatisfying("rawExcerpt", raw -> assertThat((String) raw).contains(anonymousId))));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        for (Map<String, String> query : List.of(Map.of("since", "2026-12-01"), Map.of("since", "yesterday"),
                Map.of("limit", "0"), Map.of("limit", "101"), Map.of("limit", "ten"),
                Map.of("source", "web\npixel"), Map.of("source", "s".repeat(201)))) {
            String field = query.keySet().iterator().next();
            as(Role.ADMIN).queryParams(query).get(PATH).then().log().ifValidationFails().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString(field));
        }
    }

    @Test
    void withoutSinceTheWindowIsTheLastSevenDaysToTheSecond() {
        Instant before = Instant.now().minus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant since = Instant.parse(log(Map.of()).getString("since"));
        Instant after = Instant.now().minus(Duration.ofDays(7));
        assertThat(since).isBetween(before, after);
        assertThat(since.getNano()).isZero();
    }

    @Test
    void onlyIngestAndAdminMayReadIt() {
        RestAssured.given().get(PATH).then().statusCode(401);
        for (Role role : List.of(Role.ANALYST, Role.FINANCE, Role.MARKETER)) {
            as(role).get(PATH).then().statusCode(403);
        }
        as(Role.INGEST).get(PATH).then().statusCode(200);
        as(Role.ADMIN).get(PATH).then().statusCode(200);
        as(Role.ADMIN).post(PATH).then().statusCode(403);
    }

    @Test
    void rowsLoggedLongerAgoThanTheRetentionArePurged() throws Exception {
        String source = "test.rl-purge-" + UUID.randomUUID();
        Reject old = reject(source, Instant.now(), "old", "f", "r");
        Reject young = reject(source, Instant.now(), "young", "f", "r");
        send(old);
        send(young);
        await().atMost(PATIENCE).until(() -> log(Map.of("source", source)).getLong("total") == 2);
        try (Connection c = dataSource.getConnection();
                PreparedStatement age = c.prepareStatement(
                        "UPDATE reject_log SET logged_at = now() - interval '31 days' WHERE event_id = ?")) {
            age.setString(1, old.eventId());
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
        purge.purge();
        assertThat(log(Map.of("source", source)).getList("recent.eventId")).containsExactly(young.eventId());
    }
}
