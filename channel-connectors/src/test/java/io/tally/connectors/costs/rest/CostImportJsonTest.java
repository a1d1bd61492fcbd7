package io.tally.connectors.costs.rest;

import static io.tally.connectors.costs.CostFixtures.costJson;
import static io.tally.connectors.costs.rest.CostImportResourceTest.PATH;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/**
 * The generic cost import as JSON: all or nothing, every bad field named {@code [i].field}, at most
 * {@code tally.connectors.costs.max-batch-size} lines (50 in the test profile), hostile bodies answered 400.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class CostImportJsonTest {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final int TEST_CAP = 50;

    private TopicProbe costs;
    private String code;
    private UUID programme;

    @BeforeEach
    void openProbe() {
        costs = TopicProbe.of(Topics.COSTS);
        code = "SPRING-" + UUID.randomUUID();
        programme = UUID.randomUUID();
    }

    @AfterEach
    void closeProbe() {
        costs.close();
    }

    private static ValidatableResponse json(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).when().post(PATH)
                .then();
    }

    private String lines(String... lines) {
        return "[" + String.join(",\n", lines) + "]";
    }

    @Test
    void everyLineIsPublishedAndTheSameBodyAgainPublishesNothing() {
        String body = lines(
                costJson("2026-11-01", code, null, "paid_search", "120.40", "EUR", "media", "INV-1-" + code),
                costJson("2026-11-01", null, programme.toString(), null, "2500.00", "EUR", "tools", null));

        json(body).statusCode(200).body("rows", equalTo(2)).body("accepted", equalTo(2))
                .body("deduplicated", equalTo(0)).body("rejected", equalTo(0)).body("rejects", hasSize(0));

        Cost search = read(costs.awaitMentioning(code, 1)).get(0);
        assertThat(search.channel()).isEqualTo(Channel.PAID_SEARCH);
        assertThat(search.spend()).isEqualTo(Money.of("120.40", "EUR"));
        assertThat(search.source()).isEqualTo("finance");
        assertThat(search.lineId()).isEqualTo("generic:finance:INV-1-" + code);
        Cost tools = read(costs.awaitMentioning(programme.toString(), 1)).get(0);
        assertThat(tools.channel()).isNull();
        assertThat(tools.programmeId()).isEqualTo(programme);
        assertThat(tools.category()).isEqualTo("tools");

        json(body).statusCode(200).body("accepted", equalTo(0)).body("deduplicated", equalTo(2));
        CostImportResourceTest.assertCountStays(costs, code, 1);
    }

    @Test
    void oneBadLineRefusesTheWholeRequestNamingEveryBadField() {
        String body = lines(
                costJson("2026-11-01", code, null, "email", "10.00", "EUR", null, null),
                costJson("2026-11-01", code, null, "billboard", "10.001", "EUR", null, null),
                costJson("2026-11-31", null, null, null, "10.00", "EUR", null, null));

        json(body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:validation"))
                .body("errors.field", contains("[1].channel", "[1].amount", "[2].date"))
                .body("errors[1].reason", equalTo("has more decimals than EUR allows (2)"));
        json(lines(costJson("2026-11-01", null, null, "email", "10.00", "EUR", null, null)))
                .statusCode(400).body("errors.field", contains("[0].campaignCode"))
                .body("errors[0].reason",
                        equalTo("is required unless programmeId names the programme the cost belongs to"));

        costs.assertNothingMentioning(code, QUIET);
    }

    @Test
    void moreLinesThanTheCapAreAnswered413AndNothingIsPublished() {
        String line = costJson("2026-11-01", code, null, "email", "1.00", "EUR", null, null);

        json(lines(Collections.nCopies(TEST_CAP + 1, line).toArray(String[]::new))).statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most " + TEST_CAP + " cost lines"));
        json(lines(Collections.nCopies(TEST_CAP, line).toArray(String[]::new))).statusCode(200)
                .body("rows", equalTo(TEST_CAP)).body("accepted", equalTo(1)).body("deduplicated", equalTo(49));
    }

    @Test
    void hostileBodiesAreAnswered400NeverAServerError() {
        String nul = "[{\"date\": \"2026-11-01\", \"campaignCode\": \"" + code + "\u0000\", \"amount\": \"1.00\", "
                + "\"currency\": \"EUR\"}]";
        json(nul).statusCode(400).body("errors[0].field", equalTo(""));
        json(lines(costJson("2026-11-01", code + "\\u0000", null, null, "1.00", "EUR", null, null)))
                .statusCode(400).body("errors.field", contains("[0].campaignCode"));
        json("[{\"date\": \"2026-11-01\", \"campaignCode\": \"" + code + "\", \"amount\": 1e999999999, "
                + "\"currency\": \"EUR\"}]").statusCode(400).body("errors.field", contains("[0].amount"));
        json("[{\"date\": \"2026-11-01\", \"campaignCode\": \"" + code + "\", \"amount\": " + "9".repeat(5000)
                + ", \"currency\": \"EUR\"}]").statusCode(400);
        json("{\"date\": \"2026-11-01\"}").statusCode(400).body("detail", containsString("array"));
        json("[]").statusCode(400);
        json("[{\"date\": \"2026-11-01\"}] trailing").statusCode(400);
        given().contentType(ContentType.JSON).queryParam("column.amount", "Net").body("[]").when().post(PATH).then()
                .statusCode(400).body("errors[0].field", equalTo("column.amount"));

        costs.assertNothingMentioning(code, QUIET);
    }

    @Test
    void aNulByteInACsvCellRejectsItsRowInsteadOfFailingTheImport() {
        String file = "date,campaign_code,amount,currency\n2026-11-01," + code + "\u0000,1.00,EUR\n";

        given().contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8)).when().post(PATH).then()
                .statusCode(200).body("rejected", equalTo(1)).body("rejects[0].column", equalTo("campaign_code"));
    }

    private static List<Cost> read(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventJson.read(r.value(), Cost.class))
                .sorted(Comparator.comparing(Cost::date)).toList();
    }
}
