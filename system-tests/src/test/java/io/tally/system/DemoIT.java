package io.tally.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.tally.devstack.DemoData;
import io.tally.devstack.Suite;
import io.tally.support.security.Role;

/**
 * {@code ./tally up --demo}'s data, loaded into the suite through the gateway: the URLs it prints show credit on every
 * channel its customers were touched on, programme ROI counts every cost it imported, and the data-driven models were
 * trained on the demo's days.
 */
@Order(3)
@ExtendWith(SharedSuite.class)
class DemoIT {

    @Test
    void everyChannelOfTheDemoEarnsCreditAndProgrammeRoiCountsEveryCostItLoaded(Suite suite, DemoData.Loaded demo) {
        String token = suite.issuer().token(Role.ANALYST);

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonPath summary = report(token, "/api/v1/reports/summary", demo, null);
            JsonPath programme = report(token, "/api/v1/reports/summary", demo, demo.programmeId());
            for (String channel : demo.touches().keySet()) {
                // organic search has no campaign: its credit is the summary's, outside the programme
                JsonPath in = channel.equals("organic_search") ? summary : programme;
                assertThat(amount(in, "rows.find { it.id == '" + channel + "' }.revenue", channel)).isPositive();
            }

            JsonPath roi = report(token, "/api/v1/reports/programme-roi", demo, demo.programmeId());
            Map<String, BigDecimal> costs = demo.costs();
            BigDecimal total = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(amount(roi, "programmes[0].cost", "programme cost")).isEqualByComparingTo(total);
            assertThat(amount(roi, "programmes[0].sharedCost", "shared cost"))
                    .isEqualByComparingTo(costs.get("shared"));
            costs.forEach((channel, cost) -> {
                if (!channel.equals("shared")) {
                    String row = "programmes[0].channels.find { it.channel == '" + channel + "' }";
                    assertThat(amount(roi, row + ".cost", channel)).isEqualByComparingTo(cost);
                    assertThat(amount(roi, row + ".sharedCost", channel)).isPositive();
                    assertThat(amount(roi, row + ".revenue", channel)).isPositive();
                }
            });
        });
    }

    @Test
    void theDemoTrainedEveryDataDrivenModelOnItsDays(Suite suite, DemoData.Loaded demo) {
        String token = suite.issuer().token(Role.ANALYST);
        for (String model : java.util.List.of("markov", "shapley", "incremental")) {
            JsonPath versions = given().auth().oauth2(token).get("/api/v1/attribution/models/{model}/versions", model)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(versions.getList("findAll { it.from == '" + demo.from() + "' }.model")).as(model)
                    .isNotEmpty().containsOnly(model);
        }
    }

    /**
     * The amount at {@code path}, failing as an assertion (so the await retries) while the row is not there yet: a
     * channel whose events are still on their way has no row at all.
     */
    private static BigDecimal amount(JsonPath json, String path, String what) {
        String value = json.getString(path);
        assertThat(value).as(what + " (" + path + ")").isNotNull();
        return new BigDecimal(value);
    }

    private static JsonPath report(String token, String path, DemoData.Loaded demo, String programmeId) {
        var request = given().auth().oauth2(token).queryParam("from", demo.from().toString())
                .queryParam("to", demo.to().toString()).queryParam("model", "linear");
        if (programmeId != null) {
            request.queryParam("programmeId", programmeId);
        }
        if (path.endsWith("summary")) {
            request.queryParam("groupBy", "channel");
        }
        return request.when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
