package io.tally.attribution.evaluation;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;

/** The path-file evaluation, with figures checked by hand. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class EvaluationResourceTest {

    private static final String PATHS = """
            path,total_conversions,total_conversion_value,total_null
            social > email,10,1000.00,90
            social,2,180.00,198
            email > search,8,760.00,72
            search,5,450.00,45
            """;

    private static JsonPath evaluate(String models, String body) {
        return given().contentType("text/csv").queryParam("models", models).body(body)
                .when().post("/api/v1/attribution/evaluate")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String credit(JsonPath json, String model, String channel, String field) {
        return json.getString("credits.find { it.model == '" + model + "' && it.channel == '" + channel + "' }."
                + field);
    }

    @Test
    void theChannelAttributionVariantWeighsValueByWhereConversionsEnd() {
        String paths = """
                path,total_conversions,total_conversion_value,total_null
                a,1,100.00,0
                b,1,10.00,0
                a > b,0,0,1
                """;
        JsonPath json = given().contentType("text/csv").queryParam("models", "markov")
                .queryParam("markovVariant", "channel_attribution").body(paths)
                .when().post("/api/v1/attribution/evaluate").then().statusCode(200).extract().jsonPath();
        // solved by hand in ChannelAttributionMarkovTest: conversion shares 3/5, 2/5; value shares 21/23, 2/23
        assertThat(json.getString("markovVariant")).isEqualTo("channel_attribution");
        assertThat(credit(json, "markov", "a", "conversions")).isEqualTo("1.200000");
        assertThat(credit(json, "markov", "b", "conversions")).isEqualTo("0.800000");
        assertThat(credit(json, "markov", "a", "value")).isEqualTo("100.434783"); // 110 × 21/23
        assertThat(credit(json, "markov", "b", "value")).isEqualTo("9.565217"); // 110 × 2/23
        // Tally's own markov splits value by the conversion shares: 66 and 44
        JsonPath own = evaluate("markov", paths);
        assertThat(own.getString("markovVariant")).isEqualTo("tally");
        assertThat(credit(own, "markov", "a", "value")).isEqualTo("66.000000");
        given().contentType("text/csv").queryParam("models", "markov").queryParam("markovVariant", "r")
                .body(paths).when().post("/api/v1/attribution/evaluate").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("markovVariant"));
    }

    @Test
    void ruleBasedModelsCreditEveryTouchOfEachPath() {
        JsonPath json = evaluate("first_touch,last_touch,linear", PATHS);
        // linear: social 10/2 + 2 = 7, email 10/2 + 8/2 = 9, search 8/2 + 5 = 9
        assertThat(credit(json, "linear", "social", "conversions")).isEqualTo("7.000000");
        assertThat(credit(json, "linear", "email", "value")).isEqualTo("880.000000");
        assertThat(credit(json, "linear", "search", "value")).isEqualTo("830.000000");
        // first touch: social 10 + 2, email 8, search 5
        assertThat(credit(json, "first_touch", "social", "conversions")).isEqualTo("12.000000");
        assertThat(credit(json, "first_touch", "email", "value")).isEqualTo("760.000000");
        // last touch: email 10, social 2, search 8 + 5
        assertThat(credit(json, "last_touch", "search", "conversions")).isEqualTo("13.000000");
        assertThat(credit(json, "last_touch", "email", "value")).isEqualTo("1000.000000");
    }

    @Test
    void aRepeatedChannelIsCreditedOncePerTouch() {
        JsonPath json = evaluate("linear", "path,total_conversions,total_conversion_value,total_null\n"
                + "social > social > email,3,90,0\n");
        assertThat(credit(json, "linear", "social", "conversions")).isEqualTo("2.000000");
        assertThat(credit(json, "linear", "email", "value")).isEqualTo("30.000000");
    }

    @Test
    void dataDrivenModelsSplitTheTotalsByTheirShares() {
        JsonPath json = evaluate("markov,shapley,incremental", PATHS);
        for (String model : List.of("markov", "shapley", "incremental")) {
            List<Map<String, String>> credits = json.getList("credits.findAll { it.model == '" + model + "' }");
            BigDecimal conversions = credits.stream().map(c -> new BigDecimal(c.get("conversions")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal value = credits.stream().map(c -> new BigDecimal(c.get("value")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(credits).as(model).extracting(c -> c.get("channel"))
                    .containsExactlyInAnyOrder("email", "search", "social");
            assertThat(conversions.subtract(new BigDecimal("25")).abs()).as(model)
                    .isLessThan(new BigDecimal("0.00001"));
            assertThat(value.subtract(new BigDecimal("2390")).abs()).as(model).isLessThan(new BigDecimal("0.00001"));
        }
        assertThat(evaluate("markov", PATHS).getList("credits")).isEqualTo(json.getList(
                "credits.findAll { it.model == 'markov' }"));
    }

    @Test
    void shapleyAlsoReportsThePairwiseInteractionOfChannels() {
        JsonPath json = evaluate("shapley", PATHS);
        // v(S) = conversions / journeys of the rows whose channels lie in S: v(social) = 2/200, v(email) = 0,
        // v(social, email) = 12/300, v(search) = 5/50, v(social, search) = 7/250, v(email, search) = 13/130,
        // v(all) = 25/430. I(social, email) = 1/2 (0.04 - 0.01 - 0 + 0) + 1/2 (25/430 - 0.028 - 0.1 + 0.1)
        double expected = 0.5 * 0.03 + 0.5 * (25.0 / 430 - 0.028);
        // (JsonPath reads JSON decimals as floats, hence the tolerance)
        assertThat(json.getDouble("interactions.find { it.first == 'email' && it.second == 'social' }.index"))
                .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-7));
        assertThat(json.getList("interactions")).hasSize(3);
        assertThat(evaluate("linear", PATHS).getList("interactions")).isEmpty();
    }

    @Test
    void intervalsBracketEachDataDrivenShareAndAreRepeatable() {
        java.util.function.Supplier<JsonPath> call = () -> given().contentType("text/csv")
                .queryParam("models", "linear,markov,shapley,incremental").queryParam("intervals", 30).body(PATHS)
                .when().post("/api/v1/attribution/evaluate").then().statusCode(200).extract().jsonPath();
        JsonPath json = call.get();
        List<Map<String, Object>> intervals = json.getList("intervals");
        // three data-driven models × three channels; linear has no interval
        assertThat(intervals).hasSize(9).allSatisfy(i -> {
            double share = ((Number) i.get("share")).doubleValue();
            assertThat(((Number) i.get("low")).doubleValue()).isLessThanOrEqualTo(share + 1e-9);
            assertThat(((Number) i.get("high")).doubleValue()).isGreaterThanOrEqualTo(share - 1e-9);
            assertThat(((Number) i.get("level")).doubleValue()).isCloseTo(0.9,
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(i.get("replicates")).isEqualTo(30);
        });
        // a share's interval is that of the credit's share: linear's figures are not intervals, markov's are
        double markovSocial = json.getDouble("intervals.find { it.model == 'markov' && it.channel == 'social' }.share");
        double credited = Double.parseDouble(credit(json, "markov", "social", "conversions"));
        assertThat(markovSocial).isCloseTo(credited / 25, org.assertj.core.api.Assertions.within(1e-6));
        // some sampling noise in 25 conversions: the intervals are not points
        assertThat(intervals).anySatisfy(i -> assertThat(((Number) i.get("high")).doubleValue()
                - ((Number) i.get("low")).doubleValue()).isGreaterThan(0.01));
        assertThat(call.get().getList("intervals")).isEqualTo(intervals);

        given().contentType("text/csv").queryParam("models", "markov").queryParam("intervals", 5).body(PATHS)
                .when().post("/api/v1/attribution/evaluate").then().statusCode(400)
                .body("errors[0].field", equalTo("intervals"));
        assertThat(evaluate("markov", PATHS).getList("intervals")).isEmpty();
    }

    @Test
    void csvIsAnsweredWhenAsked() {
        String csv = given().contentType("text/csv").accept("text/csv").queryParam("models", "linear").body(PATHS)
                .when().post("/api/v1/attribution/evaluate")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines()).containsExactly("model,channel,conversions,value",
                "linear,email,9.000000,880.000000", "linear,search,9.000000,830.000000",
                "linear,social,7.000000,680.000000");
    }

    @Test
    void badRowsUnknownModelsAndOrdersAreNamed() {
        given().contentType("text/csv").queryParam("models", "linear").body(PATHS + "search > email,1,x,-2\n")
                .when().post("/api/v1/attribution/evaluate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("row 5.total_conversion_value"))
                .body("errors.field", hasItem("row 5.total_null"));
        given().contentType("text/csv").queryParam("models", "linear,time_decay,magic").queryParam("order", 4)
                .body(PATHS).when().post("/api/v1/attribution/evaluate")
                .then().statusCode(400)
                .body("errors.reason", hasItem("time_decay needs touch times, which path files do not have"))
                .body("errors.field", hasItem("order"));
        given().contentType("text/csv").queryParam("models", "linear").body("journey,count\na,1\n")
                .when().post("/api/v1/attribution/evaluate")
                .then().statusCode(400).body("errors[0].field", equalTo("header"));
    }

    @Test
    void aLargeGeneratedFileIsEvaluatedByEveryModelInOneRequest() {
        List<String> channels = List.of("email", "paid_social", "organic_search", "paid_search", "display", "direct",
                "podcast", "tv", "partner");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        StringBuilder body = new StringBuilder("path,total_conversions,total_conversion_value,total_null\n");
        long conversions = 0;
        for (int row = 0; row < 200_000; row++) {
            int length = 1 + random.nextInt(15);
            for (int t = 0; t < length; t++) {
                body.append(t == 0 ? "" : " > ").append(channels.get(random.nextInt(channels.size())));
            }
            int converted = random.nextInt(4);
            conversions += converted;
            body.append(',').append(converted).append(',').append(converted * 10).append(".50,")
                    .append(random.nextInt(30)).append('\n');
        }
        String models = "first_touch,last_touch,last_non_direct,linear,position_based,j_curve,inverse_j,custom,"
                + "markov,shapley";
        JsonPath json = given().contentType("text/csv").queryParam("models", models).queryParam("order", 3)
                .body(body.toString()).when().post("/api/v1/attribution/evaluate")
                .then().statusCode(200).extract().jsonPath();
        for (String model : models.split(",")) {
            List<Map<String, String>> credits = json.getList("credits.findAll { it.model == '" + model + "' }");
            BigDecimal total = credits.stream().map(c -> new BigDecimal(c.get("conversions")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(credits).as(model).hasSize(channels.size());
            assertThat(total.subtract(BigDecimal.valueOf(conversions)).abs()).as(model)
                    .isLessThan(new BigDecimal("0.001"));
        }
    }

    @Test
    void everyModelsChannelsSumExactlyToTheTotalsOfThePathsWithTouches() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        List<String> channels = List.of("social", "email", "search", "display", "direct", "affiliate", "video");
        StringBuilder csv = new StringBuilder("path,total_conversions,total_conversion_value,total_null\n");
        BigDecimal conversions = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (int row = 0; row < 3000; row++) {
            int length = random.nextInt(9); // 0 (no touches) to 8 touches
            StringBuilder path = new StringBuilder();
            for (int t = 0; t < length; t++) {
                path.append(t == 0 ? "" : " > ").append(channels.get(random.nextInt(channels.size())));
            }
            // fractional counts and values with up to 3 decimals, so no share divides them evenly
            BigDecimal c = BigDecimal.valueOf(random.nextInt(7000), random.nextInt(4));
            BigDecimal v = BigDecimal.valueOf(random.nextLong(10_000_000), random.nextInt(4));
            csv.append(path).append(',').append(c.toPlainString()).append(',').append(v.toPlainString()).append(',')
                    .append(random.nextInt(50)).append('\n');
            if (length > 0) {
                conversions = conversions.add(c);
                value = value.add(v);
            }
        }
        String models = "first_touch,last_touch,last_non_direct,linear,position_based,j_curve,inverse_j,custom,markov,"
                + "shapley,incremental";
        JsonPath json = evaluate(models, csv.toString());
        for (String model : models.split(",")) {
            List<Map<String, String>> rows = json.getList("credits.findAll { it.model == '" + model + "' }");
            assertThat(rows).as(model).hasSizeGreaterThanOrEqualTo(channels.size());
            assertThat(rows.stream().map(r -> new BigDecimal(r.get("conversions"))).reduce(BigDecimal.ZERO,
                    BigDecimal::add)).as(model).isEqualByComparingTo(conversions);
            assertThat(rows.stream().map(r -> new BigDecimal(r.get("value"))).reduce(BigDecimal.ZERO,
                    BigDecimal::add)).as(model).isEqualByComparingTo(value);
        }
    }
}
