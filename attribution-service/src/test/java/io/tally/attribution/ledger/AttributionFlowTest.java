package io.tally.attribution.ledger;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.purchaseWithCoupon;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.revenueOf;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.Touchpoint;

/** Events in through the real broker, credits out of the real ledger. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class AttributionFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void conversionIsCreditedToItsProgrammeUnderEachModel() {
        LocalDate day = uniqueDay();
        String code = code();
        CampaignChanged bf = campaign("Black Friday", "BF social", Channel.PAID_SOCIAL, List.of(code.toUpperCase()));
        send(bf);
        String programme = bf.programme().id().toString();
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", code).get(0)
                .toString().equals("1"));

        Identifiers who = customer();
        send(visit(who, at(day, 8), Channel.PAID_SOCIAL, code));
        send(visit(who, at(day, 9), Channel.EMAIL, null));
        send(purchase(who, at(day, 10), "100.01", "EUR"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "programme");
            assertThat(revenueOf(linear, programme)).isEqualTo("50.01");
            assertThat(revenueOf(linear, "unassigned")).isEqualTo("50.00");
            assertThat(linear.getString("totals[0].revenue")).isEqualTo("100.01");
        });
        assertThat(revenueOf(report(day.toString(), "first_touch", "programme"), programme)).isEqualTo("100.01");
        assertThat(revenueOf(report(day.toString(), "last_touch", "channel"), "email")).isEqualTo("100.01");
        JsonPath byCampaign = report(day.toString(), "linear", "campaign");
        assertThat(revenueOf(byCampaign, "BF social")).isEqualTo("50.01");
        assertThat(byCampaign.getString("rows.find { it.name == 'BF social' }.conversions")).isEqualTo("0.5");
        String csv = io.tally.devstack.Authorized.given().accept("text/csv").queryParam("from", day.toString())
                .queryParam("to", day.toString()).queryParam("model", "linear").queryParam("groupBy", "campaign")
                .when().get("/api/v1/reports/attribution").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).contains("group_id,name,kind,currency,revenue,conversions",
                bf.campaignId() + ",BF social,assigned,EUR,50.01,0.5", ",unassigned,unassigned,EUR,50.00,0.5");
    }

    @Test
    void redeliveredEventsAreNotCountedTwice() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        Touchpoint touch = visit(who, at(day, 9), Channel.ORGANIC_SEARCH, null);
        Conversion order = purchase(who, at(day, 10), "42.00", "EUR");
        send(touch);
        send(order);
        send(touch);
        send(order);
        Conversion marker = purchase(who, at(day, 11), "1.00", "EUR");
        send(marker);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                report(day.toString(), "linear", "channel").getString("totals[0].revenue")).isEqualTo("43.00"));
        // the touch may be consumed before or after the conversion (two topics); either way the order nets once
        assertThat(sql("SELECT sum(amount_minor) || '/' || count(*) FILTER (WHERE entry_kind = 'original') "
                + "FROM credit WHERE conversion_event_id = ?1 AND model = 'linear'", order.eventId()))
                .containsExactly((Object) "4200/1");
    }

    @Test
    void aLateTouchpointReattributesThroughAdjustmentsWithoutRewritingTheOriginal() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        Conversion order = purchase(who, at(day, 10), "30.00", "EUR");
        send(order);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "linear", "channel"), "unattributed")).isEqualTo("30.00"));

        send(visit(who, at(day, 9), Channel.EMAIL, null));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "email")).isEqualTo("30.00");
            assertThat(revenueOf(linear, "unattributed")).isNull();
        });
        List<Object> kinds = sql("SELECT entry_kind || ':' || amount_minor FROM credit "
                + "WHERE conversion_event_id = ?1 AND model = 'linear' ORDER BY id", order.eventId());
        assertThat(kinds).containsExactly((Object) "original:3000", "adjustment:-3000", "adjustment:3000");
    }

    @Test
    void aCampaignSetUpAfterItsTouchesStillGetsTheirRevenue() {
        LocalDate day = uniqueDay();
        String code = code();
        Identifiers who = customer();
        send(visit(who, at(day, 9), Channel.EMAIL, code));
        send(purchase(who, at(day, 10), "80.00", "EUR"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "last_touch", "campaign"), "unassigned")).isEqualTo("80.00"));

        send(campaign("Winter", "Winter newsletter", Channel.EMAIL, List.of(code)));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath byCampaign = report(day.toString(), "last_touch", "campaign");
            assertThat(revenueOf(byCampaign, "Winter newsletter")).isEqualTo("80.00");
            assertThat(revenueOf(byCampaign, "unassigned")).isNull();
        });
    }

    @Test
    void touchesOutsideTheProgrammeLookbackEarnNothing() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        send(visit(who, at(day, 10).minus(Duration.ofDays(31)), Channel.DISPLAY, null));
        send(visit(who, at(day, 9), Channel.REFERRAL, null));
        send(purchase(who, at(day, 10), "10.00", "EUR"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "referral")).isEqualTo("10.00");
            assertThat(revenueOf(linear, "display")).isNull();
        });
    }

    @Test
    void aRedeemedCouponCountsAsATouchOfTheCampaignThatIssuedIt() {
        LocalDate day = uniqueDay();
        String coupon = code();
        CampaignChanged mailing = campaign("Spring", "Spring mailing", Channel.OFFLINE, List.of(coupon));
        send(mailing);
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", coupon).get(0)
                .toString().equals("1"));
        Identifiers who = customer();
        send(visit(who, at(day, 9), Channel.EMAIL, null));
        send(purchaseWithCoupon(who, at(day, 10), "60.00", coupon.toUpperCase()));

        // linear over the visit (weight 1) and the redemption (coupon_redemption, weight 0.5): 60.00 × 1/1.5 and
        // 60.00 × 0.5/1.5
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "email")).isEqualTo("40.00");
            assertThat(revenueOf(linear, "offline")).isEqualTo("20.00");
        });
        assertThat(revenueOf(report(day.toString(), "last_touch", "campaign"), "Spring mailing")).isEqualTo("60.00");
    }

    @Test
    void aCouponCampaignSetUpAfterTheSaleStillGetsItsShare() {
        LocalDate day = uniqueDay();
        String coupon = code();
        Identifiers who = customer();
        send(purchaseWithCoupon(who, at(day, 10), "40.00", coupon));
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "linear", "campaign"), "unattributed")).isEqualTo("40.00"));

        send(campaign("Stores", "Store coupons", Channel.OFFLINE, List.of(coupon)));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath byCampaign = report(day.toString(), "linear", "campaign");
            assertThat(revenueOf(byCampaign, "Store coupons")).isEqualTo("40.00");
            assertThat(revenueOf(byCampaign, "unattributed")).isNull();
        });
    }
}
