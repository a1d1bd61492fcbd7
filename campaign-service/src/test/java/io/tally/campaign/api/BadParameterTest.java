package io.tally.campaign.api;

import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tally.devstack.DevstackResource;

/**
 * Every period, date, instant and count parameter answers a malformed or out-of-range value with a 400 problem naming
 * it, never a 404 from conversion or a 5xx from parsing or SQL.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class BadParameterTest {

    static final List<String> BAD_PERIODS = List.of("-0001-01", "+99999-01", "0000-00", "0000-01", "1969-12",
            "10000-01", "2026-13", "2026-Q5", "0000-Q1", "1969-Q4", "2026-02-30..2026-03-01",
            "0000-00-00..2026-01-01", "1969-12-31..1970-01-05", "2026-12-01..2026-11-01", "2026-11-01..+99999-01-01",
            "abc");

    static final List<String> BAD_DATES = List.of("-0001-01-01", "+99999-01-01", "0000-00-00", "0000-01-01",
            "1969-12-31", "2026-13-01", "2026-02-30", "2026-1-1", "yesterday");

    static final List<String> BAD_INSTANTS = List.of("-0001-01-01T00:00:00Z", "+99999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "2026-11-01", "now");

    static final List<String> BAD_PAGES = List.of("-1", "1000001", "2147483648", "abc", "1.5");
    static final List<String> BAD_SIZES = List.of("0", "-5", "2147483648", "99999999999", "abc", "1e3");

    /** A programme and a campaign of it, made once; paths name them as {programme} and {campaign}. */
    private record Ids(String programme, String campaign) {
    }

    private static Ids ids;

    private static synchronized String path(String template) {
        if (ids == null) {
            String programme = createProgramme("Bad parameters");
            ids = new Ids(programme, createCampaign(programme, "Bad parameters social", List.of()));
        }
        return template.replace("{programme}", ids.programme()).replace("{campaign}", ids.campaign());
    }

    static Stream<Arguments> badValues() {
        List<Arguments> cases = new ArrayList<>();
        String p = "/api/v1/programmes/{programme}";
        for (String bad : BAD_PERIODS) {
            cases.add(Arguments.of("GET", p + "/progress", "period", bad, Map.of()));
            cases.add(Arguments.of("GET", p + "/goals", "period", bad, Map.of()));
            cases.add(Arguments.of("POST", p + "/goals", "period", bad, Map.of()));
        }
        for (String bad : BAD_INSTANTS) {
            cases.add(Arguments.of("GET", p + "/progress", "asOf", bad, Map.of("period", "2026-11")));
        }
        for (String bad : BAD_DATES) {
            cases.add(Arguments.of("GET", p + "/campaigns", "activeOn", bad, Map.of()));
        }
        List<String> paged = List.of("/api/v1/programmes", p + "/history", p + "/campaigns",
                "/api/v1/campaigns/{campaign}/history", "/api/v1/alerts", "/api/v1/tracking-codes");
        for (String path : paged) {
            BAD_PAGES.forEach(bad -> cases.add(Arguments.of("GET", path, "page", bad, Map.of())));
            BAD_SIZES.forEach(bad -> cases.add(Arguments.of("GET", path, "size", bad, Map.of())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}={3}")
    @MethodSource("badValues")
    void aBadValueIsA400ProblemNamingTheParameter(String method, String path, String parameter, String value,
            Map<String, String> others) {
        RequestSpecification request = given().accept(ContentType.JSON);
        if (method.equals("POST")) {
            request.contentType(ContentType.JSON)
                    .body(Map.of(parameter, value, "amount", "1000.00", "currency", "EUR"));
        } else {
            request.queryParam(parameter, value).queryParams(others);
        }
        request.when().request(method, path(path)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(parameter));
    }
}
