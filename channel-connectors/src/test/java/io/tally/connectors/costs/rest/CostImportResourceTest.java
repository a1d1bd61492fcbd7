package io.tally.connectors.costs.rest;

import static io.tally.connectors.costs.CostFixtures.costRow;
import static io.tally.connectors.costs.CostFixtures.costsCsv;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/** The generic cost import as CSV: streamed, bad rows to tally.rejects, the rest published once. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class CostImportResourceTest {

    static final String PATH = "/api/v1/imports/costs";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private TopicProbe costs;
    private TopicProbe rejects;
    private String code;
    private UUID programme;

    @BeforeEach
    void openProbes() {
        costs = TopicProbe.of(Topics.COSTS);
        rejects = TopicProbe.of(Topics.REJECTS);
        code = "BF-" + UUID.randomUUID();
        programme = UUID.randomUUID();
    }

    @AfterEach
    void closeProbes() {
        costs.close();
        rejects.close();
    }

    private static ValidatableResponse csv(String body) {
        return given().contentType("text/csv; charset=UTF-8").body(body).when().post(PATH).then();
    }

    @Test
    void campaignCostsOnAChannelAndASharedProgrammeCostArePublished() {
        String file = costsCsv(List.of(
                costRow("2026-11-01", code, "", "email", "420.00", "EUR", "media", "finance", ""),
                costRow("2026-11-01", code, "", "direct_mail", "3150.5", "EUR", "production", "", "INV-" + code),
                costRow("2026-11-02", "", programme.toString(), "", "8000", "EUR", "agency", "finance", "")));

        csv(file).statusCode(200)
                .body("rows", equalTo(3)).body("accepted", equalTo(3)).body("deduplicated", equalTo(0))
                .body("rejected", equalTo(0)).body("rejects", hasSize(0));

        List<Cost> campaign = costsOf(code, 2);
        assertThat(campaign).extracting(Cost::channel).containsExactly(Channel.EMAIL, Channel.DIRECT_MAIL);
        assertThat(campaign).extracting(Cost::spend)
                .containsExactly(Money.of("420.00", "EUR"), Money.of("3150.50", "EUR"));
        assertThat(campaign).extracting(Cost::category).containsExactly("media", "production");
        assertThat(campaign).extracting(Cost::source).containsExactly("finance", "generic");
        assertThat(campaign.get(0).lineId())
                .isEqualTo("generic:finance:2026-11-01:" + code.toLowerCase() + ":email:media");
        assertThat(campaign.get(1).lineId()).isEqualTo("generic:generic:INV-" + code);
        assertThat(costs.mentioning(code)).allSatisfy(r -> assertThat(r.key()).isEqualTo(code));

        Cost shared = costsOf(programme.toString(), 1).get(0);
        assertThat(shared.channel()).isNull();
        assertThat(shared.campaignCode()).isNull();
        assertThat(shared.programmeId()).isEqualTo(programme);
        assertThat(shared.spend()).isEqualTo(Money.of("8000.00", "EUR"));
        assertThat(shared.date()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(costs.mentioning(programme.toString()))
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(programme.toString()));
    }

    @Test
    void badRowsAreRejectedWithRowAndColumnAndTheRestIsPublished() {
        String file = costsCsv(List.of(
                costRow("2026-11-01", code, "", "billboard", "10.00", "EUR", "", "", ""),
                costRow("2026-11-02", code, "", "email", "\"12,50\"", "EUR", "", "", ""),
                costRow("2026-11-03", "", "", "email", "10.00", "EUR", "", "", code),
                costRow("2026-11-04", code, "", "email", "10.00", "EUR", "", "", "")));

        csv(file).statusCode(200)
                .body("rows", equalTo(4)).body("accepted", equalTo(1)).body("rejected", equalTo(3))
                .body("rejects.row", contains(1, 2, 3))
                .body("rejects.column", contains("channel", "amount", "campaign_code"))
                .body("rejects.field", contains("channel", "amount", "campaignCode"))
                .body("rejects[0].reason", containsString("must be empty (a shared cost of the programme) or one of"))
                .body("rejects[1].reason", containsString("must be a decimal number"))
                .body("rejects[2].reason", equalTo(
                        "is required unless programme_id names the programme the cost belongs to"));

        assertThat(costsOf(code, 1)).extracting(Cost::date).containsExactly(LocalDate.of(2026, 11, 4));
        List<Reject> deadLetters = rejects.awaitMentioning(code, 3).stream()
                .map(r -> EventJson.read(r.value(), Reject.class)).toList();
        assertThat(deadLetters).extracting(Reject::source).containsOnly("costs.generic");
        assertThat(deadLetters).extracting(Reject::field)
                .containsExactlyInAnyOrder("channel", "amount", "campaign_code");
    }

    @Test
    void theSameFileAgainPublishesNothingAndAnotherFigureForALineReplacesIt() {
        String file = costsCsv(List.of(
                costRow("2026-11-01", code, "", "email", "420.00", "EUR", "media", "finance", ""),
                costRow("2026-11-01", code, "", "phone", "99.00", "EUR", "", "finance", "L-" + code)));
        csv(file).statusCode(200).body("accepted", equalTo(2));
        costsOf(code, 2);

        csv(file).statusCode(200).body("rows", equalTo(2)).body("accepted", equalTo(0))
                .body("deduplicated", equalTo(2));
        assertCountStays(costs, code, 2);

        csv(file.replace("99.00", "104.00")).statusCode(200).body("accepted", equalTo(1))
                .body("deduplicated", equalTo(1));
        List<Cost> phone = costsOf(code, 3).stream().filter(c -> c.channel() == Channel.PHONE).toList();
        assertThat(phone).extracting(Cost::spend)
                .containsExactlyInAnyOrder(Money.of("99.00", "EUR"), Money.of("104.00", "EUR"));
        assertThat(phone).extracting(Cost::line).containsOnly("generic:finance:L-" + code);
    }

    @Test
    void columnsCanBeMappedToTheFilesOwnHeaders() {
        String file = "Booking date,Campaign,Net amount,Cur,Channel\n2026-11-05," + code + ",75.00,EUR,events\n";

        given().contentType("text/csv").queryParam("column.date", "Booking date")
                .queryParam("column.campaignCode", "Campaign").queryParam("column.amount", "Net amount")
                .queryParam("column.currency", "Cur").queryParam("column.channel", "Channel")
                .body(file).when().post(PATH).then().statusCode(200).body("accepted", equalTo(1));

        Cost cost = costsOf(code, 1).get(0);
        assertThat(cost.channel()).isEqualTo(Channel.EVENTS);
        assertThat(cost.spend()).isEqualTo(Money.of("75.00", "EUR"));
    }

    @Test
    void aFileWithoutACodeOrProgrammeColumnIsAnswered422AndNothingIsPublished() {
        csv("date,channel,amount,currency\n2026-11-01,email,10.00,EUR\n").statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("column.campaignCode"))
                .body("errors[0].reason", containsString("neither \"campaign_code\" nor \"programme_id\""));
        csv("date,campaign_code,amount\n2026-11-01," + code + ",10.00\n").statusCode(422)
                .body("errors[0].field", equalTo("column.currency"));

        costs.assertNothingMentioning(code, QUIET);
    }

    @Test
    void anotherMediaTypeIsAnswered415() {
        given().contentType("application/xml").body("<costs/>").when().post(PATH).then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", equalTo("send the costs as text/csv or application/json, not application/xml"));
    }

    static void assertCountStays(TopicProbe probe, String marker, int count) {
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> probe.mentioning(marker).size() == count);
    }

    private List<Cost> costsOf(String key, int count) {
        return costs.awaitMentioning(key, count).stream()
                .map(r -> EventJson.read(r.value(), Cost.class))
                .sorted(Comparator.comparing(Cost::date).thenComparing(c -> c.spend().amount()))
                .toList();
    }
}
