package io.tally.attribution.rest;

import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;

/** Found by the fuzzer: a NUL in a query parameter reached PostgreSQL and answered 500. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class QueryGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "%01", "US%0AD", "%7F", "%C2%85"})
    void aControlCharacterInAQueryParameterIsRefusedBeforeAnyResource(String currency) {
        given().urlEncodingEnabled(false).get("/api/v1/finance/fx-rates?from=2026-11-01&to=2026-11-30&currency="
                + currency).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:invalid-query"))
                .body("detail", containsString("'currency'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "usd", "EURO", "%E2%82%AC"})
    void anUnknownCurrencyIsAProblemNamingIt(String currency) {
        given().urlEncodingEnabled(false).get("/api/v1/finance/fx-rates?from=2026-11-01&to=2026-11-30&currency="
                + currency).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currency"));
    }
}
