package io.tally.attribution.rest;

import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tally.devstack.DevstackResource;
import io.tally.support.http.CanonicalPaths;

/**
 * Every date, period and number parameter answers a malformed or out-of-range value with a 400 problem naming it,
 * never a 5xx from parsing or from SQL.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class BadParameterTest {

    /** Dates no report can be about: other calendars' years, impossible days, not dates at all. */
    static final List<String> BAD_DATES = List.of("-0001-01-01", "+99999-01-01", "0000-00-00", "0000-01-01",
            "1969-12-31", "10000-01-01", "2026-13-01", "2026-02-30", "2026-1-1", "26-01-01", "2026-01-01T00:00:00Z",
            "yesterday", " ", "2026-01-01 ", "%00");

    /** Months no accounting period can be. */
    static final List<String> BAD_PERIODS = List.of("-0001-01", "+99999-01", "0000-00", "0000-01", "1969-12",
            "10000-01", "2026-13", "2026-00", "2026-1", "2026-Q1", "abc", "2026-11-01", "%20");

    /** Counts that are not in range, or not numbers an int holds (an empty value means the default). */
    static final List<String> BAD_COUNTS = List.of("-1", "0", "1001", "2147483648", "99999999999999999999",
            "-2147483649", "1.5", "1e3", "abc", "0x10");

    static Stream<Arguments> badValues() {
        List<Arguments> cases = new ArrayList<>();
        String d = "2026-01-01";
        for (String bad : BAD_DATES) {
            for (String report : List.of("attribution", "summary", "model-comparison", "programme-roi", "paths",
                    "integration")) {
                cases.add(Arguments.of("GET", "/api/v1/reports/" + report, "from", bad, "to", d));
                cases.add(Arguments.of("GET", "/api/v1/reports/" + report, "to", bad, "from", d));
            }
            cases.add(Arguments.of("GET", "/api/v1/finance/fx-rates", "from", bad, "to", d));
            cases.add(Arguments.of("GET", "/api/v1/finance/fx-rates", "to", bad, "from", d));
            cases.add(Arguments.of("POST", "/api/v1/attribution/models/markov/train", "from", bad, "to", d));
            cases.add(Arguments.of("POST", "/api/v1/attribution/models/markov/train", "to", bad, "from", d));
        }
        for (String bad : List.of("XYZ", "eur", "E", "EURO", "\u20ac")) {
            cases.add(Arguments.of("GET", "/api/v1/reports/programme-roi?from=" + d + "&to=" + d, "currency", bad,
                    "model", "linear"));
        }
        for (String bad : List.of("-0001-01-01", "+99999-01-01", "1969-12-31")) {
            cases.add(Arguments.of("PUT", "/api/v1/finance/fx-rates", "rates[0].date", bad, null, null));
        }
        for (String bad : BAD_PERIODS) {
            cases.add(Arguments.of("GET", "/api/v1/finance/revenue", "period", bad, "model", "linear"));
            cases.add(Arguments.of("POST", "/api/v1/finance/periods/{v}/close", "period", bad, null, null));
            cases.add(Arguments.of("POST", "/api/v1/finance/periods/{v}/reopen", "period", bad, null, null));
        }
        for (String bad : BAD_COUNTS) {
            cases.add(Arguments.of("GET", "/api/v1/reports/summary?from=" + d + "&to=" + d, "size", bad, "page",
                    "0"));
            if (!bad.equals("0") && !bad.equals("1001")) {
                cases.add(Arguments.of("GET", "/api/v1/reports/summary?from=" + d + "&to=" + d, "page", bad, "size",
                        "10"));
            }
            cases.add(Arguments.of("GET", "/api/v1/reports/paths?from=" + d + "&to=" + d, "top", bad, "currency",
                    "EUR"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}={3}")
    @MethodSource("badValues")
    void aBadValueIsA400ProblemNamingTheParameter(String method, String path, String parameter, String value,
            String other, String otherValue) {
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        String target = path;
        if (path.contains("{v}")) {
            target = path.replace("{v}", encode(value));
            request.urlEncodingEnabled(false).body("{\"reason\":\"books closed\"}");
        } else if (method.equals("PUT")) {
            request.body("{\"rates\":[{\"date\":\"" + value
                    + "\",\"currency\":\"USD\",\"quote\":\"EUR\",\"rate\":\"0.9\"}]}");
        } else {
            request.queryParam(parameter, value);
            if (other != null) {
                request.queryParam(other, otherValue);
            }
            if (method.equals("POST")) {
                request.body("{}");
            }
        }
        var answer = request.when().request(method, target).then().statusCode(400)
                .contentType("application/problem+json");
        if (path.contains("{v}") && !CanonicalPaths.isCanonical(target)) {
            // an encoded '%' in the path is a second spelling, refused before any resource can name a parameter
            answer.body("type", equalTo("urn:tally:problem:invalid-path"));
        } else {
            answer.body("errors.field", hasItem(parameter));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%2B");
    }
}
