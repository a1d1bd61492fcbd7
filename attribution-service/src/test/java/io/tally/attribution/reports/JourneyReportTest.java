package io.tally.attribution.reports;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

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
import io.tally.events.Identifiers;

/**
 * The journey reports on five journeys of one day, worked out by hand: P1 social 08:00, email 09:00, buys 100.00 at
 * 10:00; P2 social 08:00, buys 50.00 at 12:00; P3 email 08:00, no purchase; P4 social 08:00, email 10:00, no
 * purchase; P5 buys 30.00 at 15:00 untouched. The social touches of P1 and P4 carry the code of programme "Loop".
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class JourneyReportTest {

    private static LocalDate day;
    private static UUID loop;

    @BeforeEach
    void fixture() {
        if (day != null) {
            return; // once for the class, with the application up
        }
        day = uniqueDay();
        loop = UUID.randomUUID();
        String code = code();
        send(campaign(loop, "Loop", UUID.randomUUID(), 1, "Loop social", Channel.PAID_SOCIAL, List.of(code)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1",
                code).get(0).toString().equals("1"));
        Identifiers p1 = customer();
        send(visit(p1, at(day, 8), Channel.PAID_SOCIAL, code));
        send(visit(p1, at(day, 9), Channel.EMAIL, null));
        send(purchase(p1, at(day, 10), "100.00", "EUR"));
        Identifiers p2 = customer();
        send(visit(p2, at(day, 8), Channel.PAID_SOCIAL, null));
        send(purchase(p2, at(day, 12), "50.00", "EUR"));
        send(visit(customer(), at(day, 8), Channel.EMAIL, null));
        Identifiers p4 = customer();
        send(visit(p4, at(day, 8), Channel.PAID_SOCIAL, code));
        send(visit(p4, at(day, 10), Channel.EMAIL, null));
        send(purchase(customer(), at(day, 15), "30.00", "EUR"));
        // every touch is in (records are consumed concurrently): five journeys holding six touches
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath paths = paths();
            assertThat(paths.getLong("lengths.sum { it.journeys }")).isEqualTo(5);
            assertThat(paths.getLong("lengths.sum { it.touches * it.journeys }")).isEqualTo(6);
        });
    }

    private static JsonPath paths() {
        return given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get("/api/v1/reports/paths").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void topPathsWithConversionRateRevenueAndTimeToConvert() {
        JsonPath p = paths();
        assertThat(p.getList("paths.collect { it.path + ' | ' + it.journeys + ' ' + it.conversions + ' '"
                + " + it.conversionRate + ' ' + it.revenue + ' ' + it.averageHoursToConvert }")).containsExactly(
                        "paid_social > email | 2 1 50.00 100.00 2.0",
                        "(no touch) | 1 1 100.00 30.00 0.0",
                        "paid_social | 1 1 100.00 50.00 4.0",
                        "email | 1 0 0.00 0.00 null");
        assertThat(p.getList("lengths.collect { it.touches + ':' + it.journeys + '/' + it.conversions }"))
                .containsExactly("0:1/1", "1:2/1", "2:2/1");
        assertThat(p.getInt("distinctPaths")).isEqualTo(4);
    }

    @Test
    void integratedAgainstIsolatedJourneysAndPairLift() {
        JsonPath r = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get("/api/v1/reports/integration").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("groups.collect { it.group + ' ' + it.journeys + ' ' + it.conversions + ' '"
                + " + it.conversionRate + ' ' + it.revenue + ' ' + it.averageOrderValue + ' '"
                + " + it.revenuePerJourney }")).containsExactly(
                        "no_touch 1 1 100.00 30.00 30.00 30.00",
                        "single_channel 2 1 50.00 50.00 50.00 25.00",
                        "multi_channel 2 1 50.00 100.00 100.00 50.00");
        assertThat(r.getString("multiChannelRevenueShare")).isEqualTo("55.56");
        // email with social: P1, P4 (1 of 2); email alone: P3 (0 of 1): no lift to state
        // social with email: 1 of 2; social alone: P2 (1 of 1): lift 0.5
        assertThat(r.getList("pairs.collect { it.channel + '+' + it.with + ' ' + it.conversionRateWithBoth + ' vs '"
                + " + it.conversionRateWithoutOther + ' lift ' + it.lift }")).containsExactly(
                        "email+paid_social 50.00 vs 0.00 lift null",
                        "paid_social+email 50.00 vs 100.00 lift 0.5000");
        given().accept("text/csv").queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get("/api/v1/reports/integration").then().statusCode(200)
                .header("Content-Disposition", containsString("integrated-vs-isolated_" + day))
                .body(containsString("group,multi_channel,,2,1,50.00,100.00,100.00,50.00,"));
    }

    @Test
    void oneProgrammesJourneysAreThoseWithATouchOfItsCampaigns() {
        JsonPath p = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("programmeId", loop.toString()).when().get("/api/v1/reports/paths").then()
                .statusCode(200).extract().jsonPath();
        assertThat(p.getList("paths.collect { it.path + ' | ' + it.journeys + ' ' + it.conversions + ' '"
                + " + it.revenue }")).containsExactly("paid_social > email | 2 1 100.00");
        JsonPath r = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("programmeId", loop.toString()).when().get("/api/v1/reports/integration").then()
                .statusCode(200).extract().jsonPath();
        assertThat(r.getList("groups.collect { it.group + ' ' + it.journeys }")).containsExactly("no_touch 0",
                "single_channel 0", "multi_channel 2");
        assertThat(r.getString("multiChannelRevenueShare")).isEqualTo("100.00");
    }
}
