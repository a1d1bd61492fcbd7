package io.tally.connectors.costs.rest;

import static io.tally.connectors.costs.CostFixtures.campaignId;
import static io.tally.connectors.costs.CostFixtures.metaInsights;
import static io.tally.connectors.costs.CostFixtures.metaRow;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

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
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class MetaInsightsResourceTest {

    private static final String PATH = "/api/v1/imports/meta-insights";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private TopicProbe costs;
    private TopicProbe rejects;
    private String prospecting;
    private String retargeting;

    @BeforeEach
    void openProbes() {
        costs = TopicProbe.of(Topics.COSTS);
        rejects = TopicProbe.of(Topics.REJECTS);
        prospecting = campaignId(17);
        retargeting = campaignId(17);
    }

    @AfterEach
    void closeProbes() {
        costs.close();
        rejects.close();
    }

    /** Two campaigns × two days, and a weekly row of the prospecting campaign that must be rejected. */
    private String twoCampaignsTwoDaysAndAWeeklyRow() {
        String omniAndPurchase = """
                [{"action_type": "link_click", "value": "904"}, {"action_type": "purchase", "value": "11"},
                 {"action_type": "omni_purchase", "value": "12"}]""";
        String omniAndPurchaseValues = """
                [{"action_type": "purchase", "value": "1287.45"}, {"action_type": "omni_purchase", "value": "1399.00"}]""";
        return metaInsights(
                metaRow(prospecting, "2026-11-01", "152.37", "48210", "812", "9", "1043.10"),
                metaRow(prospecting, "2026-11-02", "2026-11-02", "171.05", "EUR", "51377", "904", omniAndPurchase,
                        omniAndPurchaseValues),
                metaRow(retargeting, "2026-11-01", "38.90", "9120", "233", "4", "512.60"),
                metaRow(retargeting, "2026-11-02", "41.1", "9874", "251", "0", "0"),
                metaRow(prospecting, "2026-11-01", "2026-11-07", "1093.12", "EUR", "331020", "5630", "[]", "[]"));
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(PATH).then();
    }

    @Test
    void dailyRowsBecomePaidSocialCostsAndAMultiDayRowIsADeadLetter() {
        post(twoCampaignsTwoDaysAndAWeeklyRow()).statusCode(200)
                .body("rows", equalTo(5)).body("accepted", equalTo(4)).body("deduplicated", equalTo(0))
                .body("rejected", equalTo(1))
                .body("rejects[0].row", equalTo(5))
                .body("rejects[0].field", equalTo("date_stop"))
                .body("rejects[0].reason", startsWith("rows must be daily (time_increment=1)"));

        List<Cost> prospectingCosts = costsOf(prospecting, 2);
        List<Cost> retargetingCosts = costsOf(retargeting, 2);

        Cost first = prospectingCosts.get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(first.channel()).isEqualTo(Channel.PAID_SOCIAL);
        assertThat(first.source()).isEqualTo("meta");
        assertThat(first.campaignCode()).isEqualTo(prospecting);
        assertThat(first.spend()).isEqualTo(Money.of("152.37", "EUR"));
        assertThat(first.impressions()).isEqualTo(48210L);
        assertThat(first.clicks()).isEqualTo(812L);
        assertThat(first.platformPurchases()).isEqualTo(9L);
        assertThat(first.platformPurchaseValue()).isEqualTo(Money.of("1043.10", "EUR"));
        assertThat(first.eventId()).startsWith("cost:meta:" + prospecting + ":2026-11-01:");
        assertThat(first.lineId()).isEqualTo("meta:" + prospecting + ":2026-11-01");
        // omni_purchase is preferred over purchase: the same purchases are never added up twice
        Cost second = prospectingCosts.get(1);
        assertThat(second.platformPurchases()).isEqualTo(12L);
        assertThat(second.platformPurchaseValue()).isEqualTo(Money.of("1399.00", "EUR"));
        assertThat(retargetingCosts.get(1).spend()).isEqualTo(Money.of("41.10", "EUR"));
        assertThat(costs.mentioning(prospecting)).allSatisfy(r -> assertThat(r.key()).isEqualTo(prospecting));

        Reject reject = EventJson.read(rejects.awaitMentioning(prospecting, 1).get(0).value(), Reject.class);
        assertThat(reject.source()).isEqualTo("social.meta");
        assertThat(reject.field()).isEqualTo("date_stop");
        assertThat(reject.rawPayload()).contains("\"date_stop\":\"2026-11-07\"");
    }

    @Test
    void theSameImportAgainPublishesNothingAndACorrectedFigurePublishesANewCost() {
        String insights = twoCampaignsTwoDaysAndAWeeklyRow();
        post(insights).statusCode(200).body("accepted", equalTo(4));
        costsOf(prospecting, 2);
        costsOf(retargeting, 2);
        rejects.awaitMentioning(prospecting, 1);

        post(insights).statusCode(200)
                .body("rows", equalTo(5)).body("accepted", equalTo(0)).body("deduplicated", equalTo(4))
                .body("rejected", equalTo(1));

        assertCountStays(costs, prospecting, 2);
        assertCountStays(costs, retargeting, 2);
        assertCountStays(rejects, prospecting, 1);

        post(insights.replace("\"38.90\"", "\"39.15\"")).statusCode(200)
                .body("accepted", equalTo(1)).body("deduplicated", equalTo(3));
        List<Cost> corrected = costsOf(retargeting, 3);
        assertThat(corrected).filteredOn(c -> c.date().equals(LocalDate.of(2026, 11, 1)))
                .extracting(Cost::spend).containsExactlyInAnyOrder(Money.of("38.90", "EUR"), Money.of("39.15", "EUR"));
    }

    @Test
    void aNegativeSpendIsRejectedWithItsFieldAndTheOtherRowsArePublished() {
        String body = metaInsights(
                metaRow(prospecting, "2026-11-03", "-12.00", "1000", "10", "0", "0"),
                metaRow(prospecting, "2026-11-04", "12.00", "1000", "10", "1", "99.00"));

        post(body).statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("rejects[0].row", equalTo(1)).body("rejects[0].field", equalTo("spend"))
                .body("rejects[0].reason", equalTo("must not be negative"));

        assertThat(costsOf(prospecting, 1)).extracting(Cost::date).containsExactly(LocalDate.of(2026, 11, 4));
        assertThat(EventJson.read(rejects.awaitMentioning(prospecting, 1).get(0).value(), Reject.class).field())
                .isEqualTo("spend");
    }

    @Test
    void aBodyWithoutDataIsAnswered400() {
        post("{\"error\": {\"message\": \"(#17) User request limit reached\", \"code\": 17}}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("data"));
    }

    @Test
    void truncatedJsonAfterGoodRowsImportsThemAndSaysSo() {
        String body = metaInsights(metaRow(retargeting, "2026-11-05", "20.00", "500", "5", "0", "0"));
        String truncated = body.substring(0, body.indexOf("\"paging\"")) + "\"paging\": {\"cursors\": ";

        post(truncated).statusCode(400)
                .body("errors[0].reason", startsWith("malformed JSON"))
                .body("detail", org.hamcrest.Matchers.containsString("The first 1 rows were processed (1 published"));

        assertThat(costsOf(retargeting, 1)).extracting(Cost::date).containsExactly(LocalDate.of(2026, 11, 5));
    }

    @Test
    void aBodyThatIsNotJsonIsAnswered415() {
        given().contentType("text/csv").body("campaign_id,spend\n1,2\n").when().post(PATH).then()
                .statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:unsupported-media-type"));
    }

    private List<Cost> costsOf(String campaign, int count) {
        return costs.awaitMentioning(campaign, count).stream()
                .map(r -> EventJson.read(r.value(), Cost.class))
                .sorted(Comparator.comparing(Cost::date))
                .toList();
    }

    private static void assertCountStays(TopicProbe probe, String marker, int count) {
        org.awaitility.Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> probe.mentioning(marker).size() == count);
    }
}
