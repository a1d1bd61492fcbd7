package io.tally.attribution.training;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.tally.attribution.AttributionFixtures;
import io.tally.attribution.intake.IntakeService;
import io.tally.attribution.models.datadriven.MarkovModel;
import io.tally.attribution.models.datadriven.PathStat;
import io.tally.attribution.models.datadriven.TrainedModel;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.ModelSettings;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;

/** The data-driven models in the live pipeline: trained on stored journeys, then crediting with their weights. */
@QuarkusTest
@TestProfile(DataDrivenCreditTest.AllModels.class)
@WithTestResource(DevstackResource.class)
class DataDrivenCreditTest {

    /** Every model enabled, as in production. */
    public static class AllModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tally.attribution.models", "first_touch,last_touch,linear,markov,shapley,incremental");
        }
    }

    /** A day of its own: no other test stores journeys in 2033. */
    private static final LocalDate DAY = LocalDate.of(2033, 3, 1);

    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    private static Identifiers someone() {
        return Identifiers.anonymous("dd-" + UUID.randomUUID());
    }

    private void journey(Identifiers who, List<Channel> channels, String revenue) {
        journeyOn(DAY, who, channels, channels.stream().map(c -> InteractionType.CLICK).toList(), revenue);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> sql(String query, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(query).setParameter(1, parameter)
                .getResultList());
    }

    @Test
    void trainedWeightsCreditTheWindowsConversionsAndEveryNewOne() {
        // 3 × email > paid_social converts, 1 × paid_social converts, 2 × email and 2 × paid_social do not
        for (int i = 0; i < 3; i++) {
            journey(someone(), List.of(Channel.EMAIL, Channel.PAID_SOCIAL), "10.00");
        }
        journey(someone(), List.of(Channel.PAID_SOCIAL), "10.00");
        for (int i = 0; i < 2; i++) {
            journey(someone(), List.of(Channel.EMAIL), null);
            journey(someone(), List.of(Channel.PAID_SOCIAL), null);
        }
        // the states are channel:kind, here all clicks
        List<PathStat> expected = List.of(PathStat.of(List.of("email:click"), 0, 2),
                PathStat.of(List.of("email:click", "paid_social:click"), 3, 0),
                PathStat.of(List.of("paid_social:click"), 1, 2));
        Map<String, BigDecimal> weights = new MarkovModel(1).fit(expected).weights();
        String fingerprint = TrainedModel.fingerprint(expected);

        JsonPath trained = given().queryParam("from", DAY.toString()).queryParam("to", DAY.toString())
                .when().post("/api/v1/attribution/models/markov/train")
                .then().statusCode(200).extract().jsonPath();

        String version = "markov@order1:" + DAY + ".." + DAY + ":" + fingerprint.substring(0, 12);
        assertThat(trained.getString("version.version")).isEqualTo(version);
        assertThat(trained.getString("version.dataHash")).isEqualTo(fingerprint);
        assertThat(trained.getInt("credited")).isEqualTo(4);
        Map<String, Object> stored = trained.getMap("version.weights");
        assertThat(stored).containsOnlyKeys(weights.keySet());
        weights.forEach((state, weight) -> assertThat(new BigDecimal(stored.get(state).toString()))
                .isEqualByComparingTo(weight));
        assertThat(trained.getDouble("version.journeys")).isEqualTo(8.0);

        // every conversion of the window now holds markov credit of this version that sums to its revenue
        List<Object[]> credited = sql("SELECT conversion_event_id, sum(amount_minor)::bigint, min(model_version),"
                + " max(model_version), min(reason) FROM credit WHERE model = ?1 AND conversion_at >= '2033-03-01'"
                + " AND conversion_at < '2033-03-02' GROUP BY 1", "markov");
        assertThat(credited).hasSize(4).allSatisfy(row -> assertThat(row).containsExactly(row[0], 1000L, version,
                version, "model_training"));

        // and the report reads the model like any other
        given().queryParam("from", DAY.toString()).queryParam("to", DAY.toString()).queryParam("model", "markov")
                .queryParam("groupBy", "channel")
                .when().get("/api/v1/reports/attribution")
                .then().statusCode(200).body("totals[0].revenue", equalTo("40.00"));

        // a new conversion is credited at once, split by the learned weights
        Identifiers who = someone();
        journey(who, List.of(Channel.EMAIL, Channel.PAID_SOCIAL), "100.00");
        List<Object[]> split = sql("SELECT c.channel, sum(c.amount_minor)::bigint FROM credit c JOIN conversion v"
                + " ON v.event_id = c.conversion_event_id WHERE c.model = 'markov' AND v.anonymous_id = ?1"
                + " GROUP BY 1 ORDER BY 1", who.anonymousId());
        BigDecimal emailShare = weights.get("email:click").divide(weights.get("email:click")
                .add(weights.get("paid_social:click")), java.math.MathContext.DECIMAL64);
        long emailCents = emailShare.multiply(BigDecimal.valueOf(10_000)).setScale(0, java.math.RoundingMode.HALF_EVEN)
                .longValueExact();
        assertThat(split).hasSize(2);
        assertThat(split.get(0)).containsExactly("email", emailCents);
        assertThat(split.get(1)).containsExactly("paid_social", 10_000L - emailCents);
    }

    @Test
    void incrementalIsCalibratedToTheExperimentsOfItsWindowAndSaysWhichItApplied() {
        LocalDate day = DAY.plusMonths(1); // a day of its own
        for (int i = 0; i < 6; i++) {
            journeyOn(day, someone(), List.of(Channel.EMAIL, Channel.PAID_SEARCH),
                    List.of(InteractionType.CLICK, InteractionType.CLICK), i < 3 ? "30.00" : null);
            journeyOn(day, someone(), List.of(Channel.PAID_SEARCH), List.of(InteractionType.CLICK),
                    i < 2 ? "30.00" : null);
            journeyOn(day, someone(), List.of(Channel.EMAIL), List.of(InteractionType.CLICK), i < 1 ? "30.00" : null);
        }
        // a holdout test of email that found a lift of 50 %: email caused 0.5 / 1.5 of its exposed conversions
        String id = given().contentType("application/json").body("""
                {"channel":"email","from":"%s","to":"%s","design":"holdout","lift":"0.5","liftLow":"0.2",
                 "liftHigh":"0.8","note":"half the list held out"}""".formatted(day.minusDays(3), day))
                .when().post("/api/v1/attribution/experiments")
                .then().statusCode(201).body("revision", equalTo(1)).extract().path("id");
        // one that ended before the window calibrates nothing
        given().contentType("application/json").body("""
                {"channel":"paid_search","from":"%s","to":"%s","design":"geo","lift":"0.9","liftLow":"0.5",
                 "liftHigh":"1.3"}""".formatted(day.minusDays(40), day.minusDays(10)))
                .when().post("/api/v1/attribution/experiments").then().statusCode(201);

        JsonPath trained = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().post("/api/v1/attribution/models/incremental/train")
                .then().statusCode(200).extract().jsonPath();

        assertThat(trained.getString("version.parameters")).startsWith("rho").contains(";experiments=");
        assertThat(trained.getList("version.details.experiments")).hasSize(1);
        assertThat(trained.getString("version.details.experiments[0].id")).isEqualTo(id);
        assertThat(trained.getBoolean("version.details.experiments[0].applied")).isTrue();
        assertThat(trained.getDouble("version.details.experiments[0].calibratedShare"))
                .isCloseTo(0.5 / 1.5, org.assertj.core.api.Assertions.within(0.01));
        assertThat(trained.getInt("credited")).isEqualTo(6);
        // the version carries a 90 % interval per state around its share
        List<Map<String, Object>> intervals = trained.getList("version.details.intervals");
        assertThat(intervals).extracting(i -> i.get("state")).containsExactly("email:click", "paid_search:click");
        assertThat(intervals).allSatisfy(i -> {
            double low = Double.parseDouble(String.valueOf(i.get("low")));
            double high = Double.parseDouble(String.valueOf(i.get("high")));
            assertThat(low).isBetween(0.0, high);
            assertThat(high).isLessThanOrEqualTo(1.0);
            assertThat(String.valueOf(i.get("replicates"))).isEqualTo("20");
        });
        // the shares are those of the version's credit, which sum to 1
        assertThat(intervals.stream().mapToDouble(i -> Double.parseDouble(String.valueOf(i.get("share")))).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        List<Object[]> credited = sql("SELECT conversion_event_id, sum(amount_minor)::bigint FROM credit"
                + " WHERE model = ?1 AND conversion_at >= '" + day + "' AND conversion_at < '" + day.plusDays(1)
                + "' GROUP BY 1", "incremental");
        assertThat(credited).hasSize(6).allSatisfy(row -> assertThat(row[1]).isEqualTo(3000L));
        // per channel too (one state each here), which the model comparison shows beside the version's credit
        List<Map<String, Object>> channels = trained.getList("version.details.channelIntervals");
        assertThat(channels).extracting(i -> i.get("channel")).containsExactly("email", "paid_search");
        String version = trained.getString("version.version");
        JsonPath comparison = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("models", "incremental,linear").queryParam("baseline", "linear")
                .queryParam("groupBy", "channel").when().get("/api/v1/reports/model-comparison")
                .then().statusCode(200).extract().jsonPath();
        assertThat(comparison.getList("versions.collect { it.model + ' ' + it.version }"))
                .containsExactly("incremental " + version);
        // and says which experiments the version was calibrated to
        assertThat(
                comparison.getList("versions[0].experiments.collect { it.id + ' r' + it.revision + ' ' + it.channel }"))
                .containsExactly(id + " r1 email");
        for (int c = 0; c < 2; c++) {
            Map<String, Object> expected = channels.get(c);
            Map<String, Object> cell = comparison.getMap("rows.find { it.id == '" + expected.get("channel")
                    + "' }.cells.find { it.model == 'incremental' }");
            @SuppressWarnings("unchecked")
            Map<String, Object> interval = (Map<String, Object>) cell.get("interval");
            assertThat(interval.get("version")).isEqualTo(version);
            BigDecimal share = new BigDecimal(String.valueOf(expected.get("share")));
            BigDecimal low = new BigDecimal(String.valueOf(expected.get("low")));
            BigDecimal revenue = new BigDecimal(String.valueOf(cell.get("revenue")));
            assertThat(new BigDecimal(String.valueOf(interval.get("share"))))
                    .isEqualByComparingTo(share.setScale(4, java.math.RoundingMode.HALF_EVEN));
            assertThat(new BigDecimal(String.valueOf(interval.get("low"))))
                    .isEqualByComparingTo(low.setScale(4, java.math.RoundingMode.HALF_EVEN));
            assertThat(String.valueOf(interval.get("level"))).isEqualTo("0.9");
            // the revenue at the interval's ends is the cell's revenue scaled by end / share, to the cent
            assertThat(new BigDecimal(String.valueOf(interval.get("revenueLow")))).isEqualByComparingTo(
                    revenue.multiply(low).divide(share, 2, java.math.RoundingMode.HALF_EVEN));
        }
        // rule-based cells carry none
        assertThat(comparison.getList("rows.cells.flatten().findAll { it.model == 'linear' }.interval"))
                .containsOnlyNulls();

        // withdrawn, the experiment no longer calibrates the next version
        given().when().post("/api/v1/attribution/experiments/" + id + "/withdraw")
                .then().statusCode(200).body("revision", equalTo(2)).body("withdrawn", equalTo(true));
        JsonPath again = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().post("/api/v1/attribution/models/incremental/train")
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("version.parameters")).doesNotContain("experiments");
        assertThat(again.getList("version.details.experiments")).isEmpty();
        // the newer version credited none of the day's conversions (they had credit), so the comparison names
        // only the version whose credit it shows
        assertThat(given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("models", "incremental").queryParam("baseline", "incremental")
                .when().get("/api/v1/reports/model-comparison").then().statusCode(200).extract().jsonPath()
                .getList("versions.version")).containsExactly(version);
    }

    @Test
    void shapleyTrainsTooAndVersionsAreListedNewestFirst() {
        journey(someone(), List.of(Channel.EMAIL, Channel.DISPLAY), "20.00");
        journey(someone(), List.of(Channel.DISPLAY), null);
        given().queryParam("from", DAY.minusDays(1).toString()).queryParam("to", DAY.toString())
                .when().post("/api/v1/attribution/models/shapley/train")
                .then().statusCode(200).body("version.model", equalTo("shapley"))
                .body("version.parameters", equalTo("exact"))
                .body("version.details.interactions[0].first", equalTo("display:click"))
                .body("version.details.interactions[0].second", equalTo("email:click"));
        given().when().get("/api/v1/attribution/models/shapley/versions")
                .then().statusCode(200).body("[0].model", equalTo("shapley"))
                .body("[0].from", equalTo(DAY.minusDays(1).toString()));
    }

    @Test
    void anEmailOpenAndAnEmailClickAreDifferentStates() {
        LocalDate day = DAY.plusDays(3);
        for (int i = 0; i < 2; i++) {
            journeyOn(day, someone(), List.of(Channel.EMAIL, Channel.EMAIL),
                    List.of(InteractionType.EMAIL_OPEN, InteractionType.CLICK), "10.00");
            journeyOn(day, someone(), List.of(Channel.EMAIL), List.of(InteractionType.EMAIL_OPEN), null);
        }
        JsonPath trained = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().post("/api/v1/attribution/models/markov/train")
                .then().statusCode(200).extract().jsonPath();
        assertThat(trained.getMap("version.weights")).containsOnlyKeys("email:open", "email:click");
    }

    private void journeyOn(LocalDate day, Identifiers who, List<Channel> channels, List<InteractionType> kinds,
            String revenue) {
        for (int i = 0; i < channels.size(); i++) {
            intake.recordTouchpoint(new Touchpoint("tp-" + UUID.randomUUID(), day.atTime(1 + i, 0)
                    .toInstant(ZoneOffset.UTC), channels.get(i), kinds.get(i), "test", null, null, who, null, null,
                    Trust.VERIFIED));
        }
        if (revenue != null) {
            String order = "dd-" + UUID.randomUUID();
            intake.recordConversion(new Conversion("order:" + order, order, day.atTime(12, 0)
                    .toInstant(ZoneOffset.UTC), Money.of(revenue, "EUR"), who, null, "web", Trust.VERIFIED));
        }
    }

    @Test
    void aProgrammesOwnMarkovOrderCreditsItsConversionsOnceThatOrderIsTrained() {
        LocalDate day = DAY.plusDays(6);
        UUID programme = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        String code = AttributionFixtures.code();
        AttributionFixtures.send(new CampaignChanged(CampaignChanged.eventIdOf(campaign, 1), campaign, 1,
                java.time.Instant.now(), new CampaignChanged.ProgrammeRef(programme, "Order two", "EUR", "UTC", 30,
                        "linear", new ModelSettings(Map.of(), Map.of(), null, 2)),
                "Order two mail", Channel.EMAIL, List.of(CampaignChanged.TrackingCode.of(code)), false));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !sql(
                "SELECT 1 FROM tracking_code WHERE code = ?1", code).isEmpty());
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Identifiers who = someone();
            for (int t = 0; t < 2; t++) {
                intake.recordTouchpoint(new Touchpoint("tp-" + UUID.randomUUID(), day.atTime(1 + t, 0)
                        .toInstant(ZoneOffset.UTC), t == 0 ? Channel.DISPLAY : Channel.EMAIL, InteractionType.CLICK,
                        "test", null, t == 0 ? null : code, who, null, null, Trust.VERIFIED));
            }
            String order = "dd-" + UUID.randomUUID();
            orders.add("order:" + order);
            intake.recordConversion(new Conversion("order:" + order, order, day.atTime(12, 0)
                    .toInstant(ZoneOffset.UTC), Money.of("10.00", "EUR"), who, null, "web", Trust.VERIFIED));
        }
        journeyOn(day, someone(), List.of(Channel.DISPLAY), List.of(InteractionType.CLICK), null);
        String markovRows = "SELECT min(model_version), count(*) FROM credit WHERE model = 'markov'"
                + " AND conversion_event_id IN (?1)";

        // the deployment's order 1 is trained: the programme credits with order 2, which has no version yet
        given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().post("/api/v1/attribution/models/markov/train").then().statusCode(200)
                .body("version.parameters", equalTo("order1"));
        assertThat(sql(markovRows, orders).get(0)[1]).isEqualTo(0L);

        JsonPath second = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("order", "2").when().post("/api/v1/attribution/models/markov/train")
                .then().statusCode(200).body("version.parameters", equalTo("order2")).extract().jsonPath();
        assertThat(second.getString("version.version")).startsWith("markov@order2:");
        assertThat(second.getInt("credited")).isEqualTo(2);
        Object[] credited = sql(markovRows, orders).get(0);
        assertThat(credited[0]).isEqualTo(second.getString("version.version"));

        given().queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("order", "2")
                .when().post("/api/v1/attribution/models/shapley/train").then().statusCode(400)
                .body("errors[0].field", equalTo("order"));
        given().queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("order", "4")
                .when().post("/api/v1/attribution/models/markov/train").then().statusCode(400)
                .body("errors[0].field", equalTo("order"));
    }

    @Test
    void aRedeemedCouponIsAStateOfItsCampaignsChannelInTraining() {
        LocalDate day = DAY.plusDays(9);
        String coupon = AttributionFixtures.code();
        AttributionFixtures.send(AttributionFixtures.campaign("Coupons", "Store coupons", Channel.RETAIL,
                List.of(coupon)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !sql(
                "SELECT 1 FROM tracking_code WHERE code = ?1", coupon).isEmpty());
        for (int i = 0; i < 2; i++) {
            Identifiers who = someone();
            journeyOn(day, who, List.of(Channel.DISPLAY), List.of(InteractionType.CLICK), null);
            String order = "dd-" + UUID.randomUUID();
            intake.recordConversion(new Conversion("order:" + order, order, day.atTime(12, 0)
                    .toInstant(ZoneOffset.UTC), Money.of("10.00", "EUR"), who, coupon, "pos", Trust.VERIFIED));
        }
        journeyOn(day, someone(), List.of(Channel.DISPLAY), List.of(InteractionType.CLICK), null);
        // two journeys display > retail:coupon convert, one display alone does not
        List<PathStat> expected = List.of(PathStat.of(List.of("display:click"), 0, 1),
                PathStat.of(List.of("display:click", "retail:coupon"), 2, 0));
        JsonPath trained = given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().post("/api/v1/attribution/models/markov/train").then().statusCode(200).extract().jsonPath();
        assertThat(trained.getString("version.dataHash")).isEqualTo(TrainedModel.fingerprint(expected));
        assertThat(trained.getMap("version.weights")).containsOnlyKeys("display:click", "retail:coupon");
    }

    @Test
    void aWindowWithoutConvertingJourneysOrABadRequestIsAProblem() {
        given().queryParam("from", "2040-01-01").queryParam("to", "2040-01-31")
                .when().post("/api/v1/attribution/models/markov/train")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("window"));
        given().queryParam("from", "2040-01-31").queryParam("to", "yesterday")
                .when().post("/api/v1/attribution/models/linear/train")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("to", "model"));
    }
}
