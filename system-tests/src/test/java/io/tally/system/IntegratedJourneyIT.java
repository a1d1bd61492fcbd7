package io.tally.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tally.devstack.EspWebhookSigner;
import io.tally.devstack.Suite;
import io.tally.support.security.Role;

/**
 * One customer of one integrated programme, reached on every channel through the real connectors, all through the
 * gateway: a catalogue drop and a call (offline import), a newsletter open and click (signed ESP webhook), a share of a
 * community post (social engagement), a paid-search visit (web collector), then an order (authenticated conversion
 * import). The identifiers join one profile: customer id and e-mail on the offline rows, the e-mail on the webhook and
 * the engagement, and the visitor's sign-up with that e-mail. Then the programme's costs: a line per channel and a
 * shared agency fee (generic cost import) and a Google Ads export for search.
 *
 * <p>
 * Expected figures are worked out by hand from the default touch weights (click, visit and offline contact 1, open and
 * engagement 0.5) and the largest-remainder rule (ties: the earlier touch), as the attribution README states them.
 */
@Order(5)
@ExtendWith(SharedSuite.class)
class IntegratedJourneyIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static Suite suite;

    @BeforeAll
    static void useSuite(Suite started) {
        suite = started;
    }

    /** The programme and its codes, all new for this test. */
    private record Programme(String id, String tag, String googleAdsId) {

        String code(String prefix) {
            return prefix + "-" + tag;
        }
    }

    @Test
    void everyChannelOfTheJourneyEarnsItsWeightedShareAndEveryCostCountsInProgrammeRoi() {
        Programme programme = programme();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String email = "jane-" + programme.tag() + "@example.com";
        String customer = "C-" + programme.tag();

        // 07:00 catalogue drop and 16:00 call: one offline import, each row on its type's channel
        awaitImported(importOffline("touchpoints", """
                type,occurred_at,customer_id,email,code
                mail_drop,%1$sT07:00:00Z,%2$s,%3$s,%4$s
                call,%1$sT16:00:00Z,%2$s,,%5$s
                """.formatted(day, customer, email, programme.code("mail"), programme.code("calls"))), 2);
        // 09:00 newsletter open, 09:05 its link clicked: the ESP's signed webhook
        EspWebhookSigner esp = suite.espWebhook();
        String delivery = """
                [{"id":"open-%1$s","type":"open","email":"%2$s","timestamp":"%3$sT09:00:00Z","campaign":"%4$s"},
                 {"id":"click-%1$s","type":"click","email":"%2$s","timestamp":"%3$sT09:05:00Z",
                  "url":"https://shop.example/winter?utm_source=newsletter&utm_medium=email&utm_campaign=%4$s"}]"""
                .formatted(programme.tag(), email, day, programme.code("news"));
        given().contentType(ContentType.JSON).header(EspWebhookSigner.SIGNATURE_HEADER, esp.sign(delivery))
                .body(delivery).when().post(esp.path())
                .then().statusCode(200).body("accepted", equalTo(2));
        // 11:00 a share of the community post
        as(Role.INGEST).contentType(ContentType.JSON).body("""
                {"id":"share-%s","network":"instagram","type":"share","occurredAt":"%sT11:00:00Z",
                 "linkId":"%s","email":"%s"}""".formatted(programme.tag(), day, programme.code("community"), email))
                .when().post("/api/v1/social/engagements")
                .then().statusCode(202).body("accepted", equalTo(1));
        // 14:00 a paid-search visit (one page view), 14:02 the visitor signs up with the same e-mail
        String visitor = "visitor-" + programme.tag();
        given().contentType(ContentType.JSON).body("""
                [{"type":"page_view","anonymousId":"%1$s","timestamp":"%2$sT14:00:00Z",
                  "url":"https://shop.example/boots?utm_source=google&utm_medium=cpc&utm_campaign=%3$s"},
                 {"type":"sign_up","anonymousId":"%1$s","userId":"u-%4$s","timestamp":"%2$sT14:02:00Z",
                  "properties":{"email":"%5$s"}}]"""
                .formatted(visitor, day, programme.code("search"), programme.tag(), email))
                .when().post("/api/v1/collect")
                .then().statusCode(202).body("accepted", equalTo(2));
        // 18:00 the order, booked by the shop's system: 1234.55 EUR
        awaitImported(importOffline("conversions", """
                order_id,occurred_at,amount,currency,customer_id
                O-%s,%sT18:00:00Z,1234.55,EUR,%s
                """.formatted(programme.tag(), day, customer)), 1);

        // Linear over the weights 1, 0.5, 1, 0.5, 1, 1 (sum 5): 123455 cents / 5 = 24691 a unit of weight; the two
        // half shares are 12345.5 each and the one cent left goes to the earlier (the open)
        awaitChannels(programme, day, "linear", Map.of("direct_mail", "246.91", "email", "370.37",
                "organic_social", "123.45", "paid_search", "246.91", "phone", "246.91"));
        // First touch: all to the catalogue
        awaitChannels(programme, day, "first_touch", Map.of("direct_mail", "1234.55"));
        // Position based, 40/20/40 with 5 % for each of the 4 middle touches, times the touch weights: 0.4, 0.025,
        // 0.05, 0.025, 0.05, 0.4 (sum 0.95); floors 51981, 3248, 6497, 3248, 6497, 51981 leave 3 cents, which go to the
        // largest remainders (.8158 open and share, then .6316 the click before the visit)
        awaitChannels(programme, day, "position_based", Map.of("direct_mail", "519.81", "email", "97.47",
                "organic_social", "32.49", "paid_search", "64.97", "phone", "519.81"));

        importCosts(programme, day);
        awaitRoi(programme, day);
    }

    /**
     * Costs of the day: 40.00 print, 30.00 call centre, 10.00 newsletter sends, 5.00 community management (generic
     * import, one line per channel), 21.00 agency fee for the whole programme (no channel), and 20.00 of search from
     * the Google Ads export.
     */
    private static void importCosts(Programme programme, LocalDate day) {
        as(Role.INGEST).contentType(ContentType.JSON).body("""
                [{"date":"%1$s","campaignCode":"%2$s","channel":"direct_mail","amount":"40.00","currency":"EUR",
                  "category":"print","source":"finance"},
                 {"date":"%1$s","campaignCode":"%3$s","channel":"phone","amount":"30.00","currency":"EUR",
                  "category":"call_centre","source":"finance"},
                 {"date":"%1$s","campaignCode":"%4$s","channel":"email","amount":"10.00","currency":"EUR",
                  "category":"tools","source":"finance"},
                 {"date":"%1$s","campaignCode":"%5$s","channel":"organic_social","amount":"5.00","currency":"EUR",
                  "category":"agency","source":"finance"},
                 {"date":"%1$s","programmeId":"%6$s","amount":"21.00","currency":"EUR","category":"agency",
                  "source":"finance"}]"""
                .formatted(day, programme.code("mail"), programme.code("calls"), programme.code("news"),
                        programme.code("community"), programme.id()))
                .when().post("/api/v1/imports/costs")
                .then().statusCode(200).body("accepted", equalTo(5)).body("rejected", equalTo(0));
        as(Role.INGEST).contentType("text/csv; charset=UTF-8")
                .body("""
                        Campaign report
                        "%1$s - %1$s"
                        Day,Campaign ID,Campaign,Campaign status,Campaign type,Currency code,Cost,Impr.,Clicks,Conversions,Conv. value
                        %1$s,%2$s,Winter search,Enabled,Search,EUR,20.00,"1,250",75,1.50,180.00
                        Total: Account,--,--,--,--,EUR,20.00,"1,250",75,1.50,180.00
                        """
                        .formatted(day, programme.googleAdsId()))
                .when().post("/api/v1/imports/ad-costs/google-ads")
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(0));
    }

    /**
     * Programme ROI: every cost counted (105.00 on channels + 21.00 shared = 126.00), the shared fee allocated by direct
     * cost (40:30:10:5:20 of 2100 cents is 800, 600, 200, 100, 400 exactly), ROI (1234.55 − 126.00) / 126.00 and ROAS
     * 1234.55 / 126.00 at 4 decimals, half-even.
     */
    private static void awaitRoi(Programme programme, LocalDate day) {
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonPath roi = as(Role.ANALYST).queryParam("from", day.toString()).queryParam("to", day.toString())
                    .queryParam("model", "linear").queryParam("programmeId", programme.id())
                    .when().get("/api/v1/reports/programme-roi")
                    .then().statusCode(200).extract().jsonPath();
            String row = "programmes.find { it.id == '" + programme.id() + "' }";
            assertThat(roi.getString(row + ".revenue")).isEqualTo("1234.55");
            assertThat(roi.getString(row + ".cost")).isEqualTo("126.00");
            assertThat(roi.getString(row + ".sharedCost")).isEqualTo("21.00");
            assertThat(roi.getString(row + ".roi")).isEqualTo("8.7980");
            assertThat(roi.getString(row + ".roas")).isEqualTo("9.7980");
            Map<String, List<String>> expected = Map.of(
                    "direct_mail", List.of("246.91", "40.00", "8.00"),
                    "phone", List.of("246.91", "30.00", "6.00"),
                    "email", List.of("370.37", "10.00", "2.00"),
                    "organic_social", List.of("123.45", "5.00", "1.00"),
                    "paid_search", List.of("246.91", "20.00", "4.00"));
            assertThat(roi.getList(row + ".channels.channel", String.class))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((channel, figures) -> {
                String of = row + ".channels.find { it.channel == '" + channel + "' }";
                assertThat(List.of(roi.getString(of + ".revenue"), roi.getString(of + ".cost"),
                        roi.getString(of + ".sharedCost"))).as(channel).isEqualTo(figures);
            });
        });
    }

    /** Waits until the programme's revenue by channel under {@code model} is exactly {@code expected}. */
    private static void awaitChannels(Programme programme, LocalDate day, String model,
            Map<String, String> expected) {
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonPath summary = as(Role.ANALYST).queryParam("from", day.toString()).queryParam("to", day.toString())
                    .queryParam("model", model).queryParam("groupBy", "channel")
                    .queryParam("programmeId", programme.id())
                    .when().get("/api/v1/reports/summary")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> rows = summary.getList("rows.findAll { it.revenue != '0.00' }");
            assertThat(rows).as(model).allSatisfy(r -> assertThat(r.get("kind")).isEqualTo("assigned"));
            Map<String, String> revenue = new TreeMap<>();
            rows.forEach(r -> revenue.merge((String) r.get("id"), (String) r.get("revenue"),
                    (a, b) -> new BigDecimal(a).add(new BigDecimal(b)).toPlainString()));
            assertThat(revenue).as(model).isEqualTo(new TreeMap<>(expected));
            assertThat(summary.getString("totals.find { it.currency == 'EUR' }.revenue")).as(model)
                    .isEqualTo("1234.55");
        });
    }

    /** A new programme with a campaign per channel, each with its utm_campaign code; search also under its Google id. */
    private static Programme programme() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = as(Role.MARKETER).contentType(ContentType.JSON)
                .body(Map.of("name", "Winter integrated " + tag, "reportingCurrency", "EUR", "timeZone",
                        "Europe/Berlin", "lookbackDays", 30))
                .when().post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        Programme programme = new Programme(id, tag, String.valueOf(20_000_000_000L + (tag.hashCode() & 0xffffff)));
        campaign(programme, "Catalogue", "direct_mail", List.of(code(programme.code("mail"))));
        campaign(programme, "Call centre", "phone", List.of(code(programme.code("calls"))));
        campaign(programme, "Newsletter", "email", List.of(code(programme.code("news"))));
        campaign(programme, "Community", "organic_social", List.of(code(programme.code("community"))));
        campaign(programme, "Search", "paid_search", List.of(code(programme.code("search")),
                Map.of("code", programme.googleAdsId(), "type", "ad_campaign")));
        return programme;
    }

    private static Map<String, String> code(String code) {
        return Map.of("code", code, "type", "utm_campaign");
    }

    private static void campaign(Programme programme, String name, String channel, List<Map<String, String>> codes) {
        as(Role.MARKETER).contentType(ContentType.JSON)
                .body(Map.of("name", name, "channel", channel, "trackingCodes", codes))
                .when().post("/api/v1/programmes/" + programme.id() + "/campaigns")
                .then().statusCode(201);
    }

    private static String importOffline(String kind, String csv) {
        return as(Role.INGEST).contentType("text/csv; charset=UTF-8").queryParam("kind", kind).body(csv)
                .when().post("/api/v1/imports/offline")
                .then().statusCode(202).extract().path("id");
    }

    private static void awaitImported(String job, int rows) {
        await().atMost(DEADLINE).untilAsserted(() -> as(Role.INGEST).get("/api/v1/imports/" + job)
                .then().statusCode(200).body("accepted", equalTo(rows)).body("rejected", equalTo(0)));
    }

    private static RequestSpecification as(Role role) {
        return given().auth().oauth2(suite.issuer().token(role));
    }
}
