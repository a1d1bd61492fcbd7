package io.tally.attribution.reports;

import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.support.http.QueryValues;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class ReportResourceTest {

    @Test
    void missingDatesUnknownModelAndGroupingAreNamedInOneProblem() {
        given().queryParam("model", "magic").queryParam("groupBy", "planet")
                .when().get("/api/v1/reports/attribution")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("from", "to", "model", "groupBy"));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        given().queryParam("from", "2026-11-30").queryParam("to", "2026-11-01")
                .when().get("/api/v1/reports/attribution")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].reason", equalTo("must not be before from"));
    }

    @Test
    void aMalformedDateIsRefusedWithTheExpectedFormat() {
        given().queryParam("from", "01/11/2026").queryParam("to", "2026-11-30")
                .when().get("/api/v1/reports/attribution")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].reason", equalTo(QueryValues.DATE_REASON));
    }

    @Test
    void anEmptyRangeHasNoRows() {
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-01-31").queryParam("model", "linear")
                .queryParam("groupBy", "programme")
                .when().get("/api/v1/reports/attribution")
                .then().statusCode(200)
                .body("rows.size()", equalTo(0))
                .body("model", equalTo("linear"))
                .body("groupBy", equalTo("programme"));
    }

    @Test
    void modelsListsTheRuleBasedModels() {
        given().when().get("/api/v1/attribution/models")
                .then().statusCode(200)
                .body("known", hasItem("linear"))
                .body("enabled", hasItem("last_touch"));
    }

    @Test
    void theOpenApiDocumentDescribesTheReport() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/reports/attribution'.get.summary",
                        equalTo("Credited revenue by programme, campaign or channel"));
    }
}
