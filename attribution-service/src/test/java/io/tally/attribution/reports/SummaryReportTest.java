package io.tally.attribution.reports;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sendRaw;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Identifiers;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/**
 * The summary report on a small fixture whose figures are worked out by hand. Programme "Winter" (Berlin) with
 * campaigns Social (code s) and Mail (code m). Day D: customer 1 touches s at 08:00 and m at 09:00 and buys for 100.00
 * at 10:00; customer 2 touches s at 11:00 and buys for 60.00 at 12:00; customer 3 buys for 40.00 untouched. Costs: s
 * 50.00 and m 10.00 on D. Day D+1: customer 4 touches m and buys for 30.00; m costs 5.00 (delivered twice).
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class SummaryReportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalDate day;
    private static String programme;

    @BeforeEach
    void fixture() {
        if (day != null) {
            return; // built once for the class (a static @BeforeAll would run before the application is up)
        }
        day = uniqueDay();
        assertThat(uniqueDay()).isEqualTo(day.plusDays(1)); // D+1 is this test's too
        String s = code();
        String m = code();
        UUID programmeId = UUID.randomUUID();
        programme = programmeId.toString();
        send(campaign(programmeId, "Winter", UUID.randomUUID(), 1, "Social", Channel.PAID_SOCIAL, List.of(s)));
        send(campaign(programmeId, "Winter", UUID.randomUUID(), 1, "Mail", Channel.EMAIL, List.of(m)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code IN (?1)", s).get(0)
                .toString().equals("1")
                && sql("SELECT count(*) FROM tracking_code WHERE code = ?1", m).get(0)
                        .toString().equals("1"));

        Identifiers one = customer();
        send(visit(one, at(day, 8), Channel.PAID_SOCIAL, s));
        send(visit(one, at(day, 9), Channel.EMAIL, m));
        send(purchase(one, at(day, 10), "100.00", "EUR"));
        Identifiers two = customer();
        send(visit(two, at(day, 11), Channel.PAID_SOCIAL, s));
        send(purchase(two, at(day, 12), "60.00", "EUR"));
        send(purchase(customer(), at(day, 13), "40.00", "EUR"));
        cost(s, day, Channel.PAID_SOCIAL, "50.00");
        cost(m, day, Channel.EMAIL, "10.00");
        Identifiers four = customer();
        send(visit(four, at(day.plusDays(1), 8), Channel.EMAIL, m));
        send(purchase(four, at(day.plusDays(1), 9), "30.00", "EUR"));
        byte[] redelivered = cost(m, day.plusDays(1), Channel.EMAIL, "5.00");
        sendRaw(Topics.COSTS, m, redelivered); // the same event again: counted once
        cost(m, day.minusYears(1), Channel.EMAIL, "1.00"); // a marker out of range, after the rest on m's partition
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM cost WHERE campaign_code = ?1", m).get(0)
                .toString().equals("3"));

        // every event in: touches and conversions travel on different topics, so wait for the final state itself
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath all = summary("last_touch", "channel", "total", null).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(all.getList("rows.collect { it.name + ' ' + it.revenue + ' ' + it.cost }"))
                    .containsExactlyInAnyOrder("email 130.00 15.00", "paid_social 60.00 50.00",
                            "unattributed 40.00 0.00");
            JsonPath linear = summary("linear", "campaign", "total", programme).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(linear.getList("rows.collect { it.name + ' ' + it.revenue }"))
                    .containsExactlyInAnyOrder("Social 110.00", "Mail 80.00");
        });
    }

    private static byte[] cost(String code, LocalDate date, Channel channel, String amount) {
        byte[] event = EventJson.toBytes(new Cost("cost-" + UUID.randomUUID(), date, channel, code, "meta",
                Money.of(amount, "EUR"), null, null, null, null));
        sendRaw(Topics.COSTS, code, event);
        return event;
    }

    private static io.restassured.response.Response summary(String model, String groupBy, String interval,
            String programmeId) {
        var request = given().queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("model", model).queryParam("groupBy", groupBy).queryParam("interval", interval);
        if (programmeId != null) {
            request = request.queryParam("programmeId", programmeId);
        }
        return request.when().get("/api/v1/reports/summary");
    }

    @Test
    void campaignsOfTheProgrammeWithCostRoasCpaAndShare() {
        JsonPath p = summary("linear", "campaign", "total", programme).then().statusCode(200).extract().jsonPath();
        // Social: 50.00 of order 1 and 60.00 of order 2 (1.5 conversions), cost 50.00; Mail: 50.00 + 30.00, cost 15.00
        assertThat(p.getList("rows.name")).containsExactly("Social", "Mail");
        assertThat(p.getString("rows[0].revenue")).isEqualTo("110.00");
        assertThat(p.getString("rows[0].conversions")).isEqualTo("1.5");
        assertThat(p.getString("rows[0].cost")).isEqualTo("50.00");
        assertThat(p.getString("rows[0].roas")).isEqualTo("2.2000");
        assertThat(p.getString("rows[0].cpa")).isEqualTo("33.33");
        assertThat(p.getString("rows[0].share")).isEqualTo("57.89");
        assertThat(p.getString("rows[1].revenue")).isEqualTo("80.00");
        assertThat(p.getString("rows[1].roas")).isEqualTo("5.3333");
        assertThat(p.getString("rows[1].cpa")).isEqualTo("10.00");
        assertThat(p.getString("rows[1].share")).isEqualTo("42.11");
        assertThat(p.getString("totals[0].revenue")).isEqualTo("190.00");
        assertThat(p.getString("totals[0].conversions")).isEqualTo("3");
        assertThat(p.getString("totals[0].roas")).isEqualTo("2.9231");
    }

    @Test
    void channelsPerDayUnderLastTouchIncludingTheUnattributedLine() {
        JsonPath p = summary("last_touch", "channel", "day", null).then().statusCode(200).extract().jsonPath();
        // D: email 100.00 (50 %), paid_social 60.00 (30 %), unattributed 40.00 (20 %); D+1: email 30.00 (100 %)
        assertThat(p.getList("rows.collect { it.periodStart + ' ' + it.name + ' ' + it.revenue + ' ' + it.cost + ' '"
                + " + it.share }")).containsExactly(
                        day + " email 100.00 10.00 50.00",
                        day + " paid_social 60.00 50.00 30.00",
                        day + " unattributed 40.00 0.00 20.00",
                        day.plusDays(1) + " email 30.00 5.00 100.00");
        assertThat(p.getInt("totalRows")).isEqualTo(4);
        given().queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("model", "last_touch").queryParam("groupBy", "channel").queryParam("interval", "day")
                .queryParam("sort", "periodStart").queryParam("size", 1).queryParam("page", 3)
                .when().get("/api/v1/reports/summary").then().statusCode(200)
                .body("rows[0].revenue", equalTo("30.00")).body("totalRows", equalTo(4));
    }

    @Test
    void csvIsOneHeaderRowAndPlainDecimalsOfferedAsAFile() {
        String csv = given().accept("text/csv").queryParam("from", day.toString())
                .queryParam("to", day.plusDays(1).toString()).queryParam("model", "linear")
                .queryParam("groupBy", "campaign").queryParam("programmeId", programme)
                .when().get("/api/v1/reports/summary").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"attribution-summary_" + day))
                .extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "period_start,group_id,name,kind,currency,revenue,conversions,cost,roas,cpa,share_percent",
                day + "," + campaignId("Social") + ",Social,assigned,EUR,110.00,1.5,50.00,2.2000,33.33,57.89",
                day + "," + campaignId("Mail") + ",Mail,assigned,EUR,80.00,1.5,15.00,5.3333,10.00,42.11");
    }

    @Test
    void modelComparisonShowsEachModelAgainstTheBaseline() {
        JsonPath p = given().queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("models", "linear,first_touch").queryParam("baseline", "last_touch")
                .queryParam("groupBy", "channel").when().get("/api/v1/reports/model-comparison").then()
                .statusCode(200).extract().jsonPath();
        // last_touch: email 130, paid_social 60; linear: email 80, paid_social 110; first_touch: email 30,
        // paid_social 160; unattributed 40 under all
        assertThat(p.getList("models")).containsExactly("last_touch", "linear", "first_touch");
        assertThat(p.getList("rows.collect { it.name + ': ' + it.cells.collect { c -> c.model + ' ' + c.revenue"
                + " + ' ' + c.difference + ' ' + c.differencePercent }.join(', ') }")).containsExactly(
                        "email: last_touch 130.00 0.00 0.00, linear 80.00 -50.00 -38.46,"
                                + " first_touch 30.00 -100.00 -76.92",
                        "paid_social: last_touch 60.00 0.00 0.00, linear 110.00 50.00 83.33,"
                                + " first_touch 160.00 100.00 166.67",
                        "unattributed: last_touch 40.00 0.00 0.00, linear 40.00 0.00 0.00,"
                                + " first_touch 40.00 0.00 0.00");
    }

    @Test
    void programmeRoiPutsTheWholeProgrammesRevenueAgainstAllItsCosts() {
        JsonPath p = given().queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("model", "linear").when().get("/api/v1/reports/programme-roi").then().statusCode(200)
                .extract().jsonPath();
        // Winter: 190.00 against 65.00; paid_social 110.00 against 50.00, email 80.00 against 15.00
        assertThat(p.getString("programmes[0].id")).isEqualTo(programme);
        assertThat(p.getString("programmes[0].name")).isEqualTo("Winter");
        assertThat(p.getString("programmes[0].revenue")).isEqualTo("190.00");
        assertThat(p.getString("programmes[0].cost")).isEqualTo("65.00");
        assertThat(p.getString("programmes[0].roi")).isEqualTo("1.9231");
        assertThat(p.getString("programmes[0].roas")).isEqualTo("2.9231");
        assertThat(p.getList("programmes[0].channels.collect { it.channel + ' ' + it.revenue + ' ' + it.cost + ' '"
                + " + it.roi + ' ' + it.roas }")).containsExactly("paid_social 110.00 50.00 1.2000 2.2000",
                        "email 80.00 15.00 4.3333 5.3333");
        assertThat(p.getList("programmes")).hasSize(1);
    }

    @Test
    void badParametersAreNamed() {
        given().queryParam("from", "2026-11-01").queryParam("to", "2026-10-01").queryParam("interval", "year")
                .queryParam("sort", "profit").queryParam("channel", "fax")
                .when().get("/api/v1/reports/summary").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("to", "interval", "sort", "channel"));
    }

    private static String campaignId(String name) {
        return sql("SELECT campaign_id::text FROM campaign WHERE name = ?1 AND programme_id = '" + programme + "'",
                name).get(0).toString();
    }
}
