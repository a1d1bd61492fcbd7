package io.tally.attribution.finance;

import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.refund;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.visit;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;

/** The finance revenue report and period close, on fixtures whose figures are worked out by hand. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class FinanceRevenueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Past months no other test posts into (finance periods are whole UTC months). */
    private static final AtomicInteger MONTHS = new AtomicInteger();

    private static YearMonth uniqueMonth() {
        return YearMonth.of(2019, 1).plusMonths(MONTHS.getAndIncrement());
    }

    private static Instant at(YearMonth month, int day, int hour) {
        return month.atDay(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static JsonPath revenue(YearMonth month) {
        return given().queryParam("period", month.toString()).queryParam("model", "linear")
                .when().get("/api/v1/finance/revenue").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void bookedLessRefundsIsNetAndAttributedPlusUnassignedPlusUnattributedReconcilesToIt() {
        YearMonth month = uniqueMonth();
        String s = code();
        String m = code();
        UUID programme = UUID.randomUUID();
        UUID social = UUID.randomUUID();
        send(campaign(programme, "Spring", social, 1, "Social", Channel.PAID_SOCIAL, List.of(s)));
        send(campaign(programme, "Spring", UUID.randomUUID(), 1, "Mail", Channel.EMAIL, List.of(m)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", m).get(0)
                .toString().equals("1")
                && sql("SELECT count(*) FROM tracking_code WHERE code = ?1", s).get(0)
                        .toString().equals("1"));

        // A: social and email touches, 100.00, then a 20.00 refund; B: 40.00 untouched; C: 30.00 after a touch
        // whose code resolves to nothing; D: 10.00 USD untouched
        Identifiers a = customer();
        send(visit(a, at(month, 5, 10), Channel.PAID_SOCIAL, s));
        send(visit(a, at(month, 6, 10), Channel.EMAIL, m));
        Conversion orderA = purchase(a, at(month, 7, 12), "100.00", "EUR");
        send(orderA);
        send(purchase(customer(), at(month, 10, 12), "40.00", "EUR"));
        Identifiers c = customer();
        send(visit(c, at(month, 11, 12), Channel.DISPLAY, "nowhere-" + UUID.randomUUID()));
        send(purchase(c, at(month, 12, 12), "30.00", "EUR"));
        send(purchase(customer(), at(month, 13, 12), "10.00", "USD"));
        await().atMost(WAIT).until(() -> "170.00".equals(revenue(month).getString(
                "currencies.find { it.currency == 'EUR' }.booked")));
        send(refund(orderA, "20.00"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath r = revenue(month);
            assertThat(r.getString("currencies.find { it.currency == 'EUR' }.net")).isEqualTo("150.00");
            assertThat(r.getString("currencies.find { it.currency == 'EUR' }.unassigned")).isEqualTo("30.00");
            assertThat(r.getString("currencies.find { it.currency == 'USD' }.net")).isEqualTo("10.00");
            assertThat(r.getList("currencies.find { it.currency == 'EUR' }.byChannel.collect { it.id + ' '"
                    + " + it.amount }")).containsExactly("email 40.00", "paid_social 40.00");
        });
        Map<String, Object> eur = revenue(month).getMap("currencies.find { it.currency == 'EUR' }");
        assertThat(eur).containsEntry("booked", "170.00").containsEntry("refunds", "-20.00")
                .containsEntry("cancellations", "0.00").containsEntry("net", "150.00")
                .containsEntry("attributed", "80.00").containsEntry("unattributed", "40.00");
        JsonPath r = revenue(month);
        assertThat(r.getList("currencies.find { it.currency == 'EUR' }.byChannel.collect { it.id + ' ' + it.amount }"))
                .containsExactly("email 40.00", "paid_social 40.00");
        assertThat(
                r.getList("currencies.find { it.currency == 'EUR' }.byCampaign.collect { it.name + ' ' + it.amount }"))
                .containsExactly("Mail 40.00", "Social 40.00");
        assertThat(
                r.getList("currencies.find { it.currency == 'EUR' }.byProgramme.collect { it.name + ' ' + it.amount }"))
                .containsExactly("Spring 80.00");
        assertThat(r.getBoolean("currencies.find { it.currency == 'EUR' }.reconciliation.reconciled")).isTrue();
        assertThat(r.getString("currencies.find { it.currency == 'EUR' }.reconciliation.difference")).isEqualTo("0.00");
        assertThat(r.getString("currencies.find { it.currency == 'USD' }.net")).isEqualTo("10.00");
        assertThat(r.getString("currencies.find { it.currency == 'USD' }.unattributed")).isEqualTo("10.00");
        assertThat(r.getString("state")).isEqualTo("open");

        // one programme: its campaigns and its channels agree
        given().queryParam("period", month.toString()).queryParam("programmeId", programme.toString())
                .queryParam("model", "linear").when().get("/api/v1/finance/revenue").then().statusCode(200)
                .body("currencies[0].attributed", equalTo("80.00"))
                .body("currencies[0].reconciliation.reconciled", equalTo(true));

        // without a model, a programme's report uses its official model, as campaign-service publishes it
        CampaignChanged v2 = campaign(programme, "Spring", social, 2, "Social", Channel.PAID_SOCIAL, List.of(s));
        send(new CampaignChanged(CampaignChanged.eventIdOf(social, 2), social, 2, v2.changedAt(),
                new CampaignChanged.ProgrammeRef(programme, "Spring", "EUR", "Europe/Berlin", 30, "first_touch"),
                v2.name(), v2.channel(), v2.trackingCodes(), false));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("period", month.toString())
                .queryParam("programmeId", programme.toString()).when().get("/api/v1/finance/revenue").then()
                .statusCode(200).body("model", equalTo("first_touch"))
                .body("currencies[0].byChannel.collect { it.id + ' ' + it.amount }",
                        org.hamcrest.Matchers.contains("paid_social 80.00")));
    }

    @Test
    void aClosedPeriodsReportNeverChangesAndLaterChangesLandInTheNextOpenPeriod() {
        YearMonth month = uniqueMonth();
        YearMonth next = uniqueMonth();
        assertThat(next).isEqualTo(month.plusMonths(1));
        String s = code();
        send(campaign("Autumn", "Autumn social", Channel.PAID_SOCIAL, List.of(s)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", s).get(0)
                .toString().equals("1"));
        Identifiers e = customer();
        send(visit(e, at(month, 3, 9), Channel.PAID_SOCIAL, s));
        Conversion order = purchase(e, at(month, 3, 10), "60.00", "EUR");
        send(order);
        await().atMost(WAIT).until(() -> "60.00".equals(revenue(month).getString("currencies[0].attributed")));

        given().contentType(ContentType.JSON).body(Map.of("reason", "books closed"))
                .when().post("/api/v1/finance/periods/{p}/close", month.toString()).then().statusCode(200)
                .body("state", equalTo("closed")).body("reason", equalTo("books closed"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/finance/periods/{p}/close", month.toString()).then().statusCode(409);
        String json = given().queryParam("period", month.toString()).when().get("/api/v1/finance/revenue")
                .then().statusCode(200).body("state", equalTo("closed")).extract().asString();
        String csv = given().accept("text/csv").queryParam("period", month.toString())
                .when().get("/api/v1/finance/revenue").then().statusCode(200)
                .header("Content-Disposition", containsString("finance-revenue_" + month)).extract().asString();

        // a full refund and a late email touch of the closed period's order
        send(refund(order, "60.00"));
        send(visit(e, at(month, 2, 9), Channel.EMAIL, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(revenue(next).getString("currencies[0].net"))
                .isEqualTo("-60.00"));

        assertThat(given().queryParam("period", month.toString()).when().get("/api/v1/finance/revenue").then()
                .extract().asString()).isEqualTo(json);
        assertThat(given().accept("text/csv").queryParam("period", month.toString())
                .when().get("/api/v1/finance/revenue").then().extract().asString()).isEqualTo(csv);
        JsonPath adjusted = revenue(next);
        assertThat(adjusted.getString("currencies[0].booked")).isEqualTo("0.00");
        assertThat(adjusted.getString("currencies[0].refunds")).isEqualTo("-60.00");
        assertThat(adjusted.getString("currencies[0].attributed")).isEqualTo("-60.00");
        assertThat(adjusted.getBoolean("currencies[0].reconciliation.reconciled")).isTrue();

        // reopening needs a reason and is recorded
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/finance/periods/{p}/reopen", month.toString()).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "auditor's correction"))
                .when().post("/api/v1/finance/periods/{p}/reopen", month.toString()).then().statusCode(200)
                .body("state", equalTo("open"));
        assertThat(sql("SELECT string_agg(action, ',' ORDER BY id) FROM accounting_period_audit WHERE period = ?1",
                month.toString())).containsExactly((Object) "close,reopen");
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/finance/periods/{p}/close", YearMonth.now(ZoneOffset.UTC).toString())
                .then().statusCode(409).body("detail", containsString("has not ended"));
        given().when().get("/api/v1/finance/periods").then().statusCode(200)
                .body("find { it.period == '" + month + "' }.state", equalTo("open"));
    }

    @Test
    void inAReportingCurrencyEachConversionConvertsAtItsDaysRateAndAMissingRateIsAnError() {
        YearMonth month = uniqueMonth();
        String s = code();
        send(campaign("Global", "Global social", Channel.PAID_SOCIAL, List.of(s)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", s).get(0)
                .toString().equals("1"));
        // 100.00 EUR untouched on the 3rd; 10.00 USD after a social touch on the 4th; 20.00 GBP untouched on the 5th
        send(purchase(customer(), at(month, 3, 12), "100.00", "EUR"));
        Identifiers us = customer();
        send(visit(us, at(month, 4, 9), Channel.PAID_SOCIAL, s));
        send(purchase(us, at(month, 4, 12), "10.00", "USD"));
        send(purchase(customer(), at(month, 5, 12), "20.00", "GBP"));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath r = revenue(month);
            assertThat(r.getList("currencies.currency")).containsExactly("EUR", "GBP", "USD");
            assertThat(r.getString("currencies.find { it.currency == 'USD' }.attributed")).isEqualTo("10.00");
        });

        given().queryParam("period", month.toString()).queryParam("currency", "EUR")
                .when().get("/api/v1/finance/revenue").then().statusCode(422)
                .body("errors.reason", org.hamcrest.Matchers.containsInAnyOrder(
                        "no rate USD to EUR on " + month.atDay(4) + "; load it with PUT /api/v1/finance/fx-rates",
                        "no rate GBP to EUR on " + month.atDay(5) + "; load it with PUT /api/v1/finance/fx-rates"));
        given().contentType(ContentType.JSON).body(Map.of("rates", List.of(
                Map.of("date", month.atDay(4).toString(), "currency", "USD", "quote", "EUR", "rate", "0.92345"),
                Map.of("date", month.atDay(5).toString(), "currency", "GBP", "quote", "EUR", "rate", "1.1412"))))
                .when().put("/api/v1/finance/fx-rates").then().statusCode(200).body("stored", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("rates", List.of(
                Map.of("date", month.atDay(4).toString(), "currency", "EUR", "quote", "EUR", "rate", "-1"))))
                .when().put("/api/v1/finance/fx-rates").then().statusCode(400);

        // 10.00 USD x 0.92345 = 9.2345 -> 9.23; 20.00 GBP x 1.1412 = 22.824 -> 22.82
        JsonPath r = given().queryParam("period", month.toString()).queryParam("currency", "EUR")
                .when().get("/api/v1/finance/revenue").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("currencies.currency")).containsExactly("EUR");
        assertThat(r.getString("currencies[0].booked")).isEqualTo("132.05");
        assertThat(r.getString("currencies[0].net")).isEqualTo("132.05");
        assertThat(r.getString("currencies[0].attributed")).isEqualTo("9.23");
        assertThat(r.getString("currencies[0].unattributed")).isEqualTo("122.82");
        assertThat(r.getBoolean("currencies[0].reconciliation.reconciled")).isTrue();
        assertThat(r.getString("currencyPolicy")).contains("transaction date");
    }
}
