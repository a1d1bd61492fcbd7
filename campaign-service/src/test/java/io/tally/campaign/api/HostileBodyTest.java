package io.tally.campaign.api;

import static io.tally.campaign.CampaignFixtures.PROBLEM_JSON;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.devstack.Authorized.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.DevstackResource;

/**
 * Bodies that pass the field annotations but that PostgreSQL or java.time refuse: a date sent as a number (read as an
 * epoch day, it overflowed: 500) and text with NUL or an unpaired surrogate (refused by PostgreSQL's JSON history:
 * 500). Both were found by {@code ./tally fuzz --per-operation 1000}; each must be a 400 naming the field.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class HostileBodyTest {

    static final List<String> NUMERIC_DATES = List.of("9223372036854775807", "-9223372036854775808", "20000", "1.5");
    /** As JSON string contents: NUL, a lone high and a lone low surrogate, a non-character. */
    static final List<String> UNSTORABLE = List.of("Spring\\u0000sale", "Spring \\ud800", "\\udfffSpring",
            "Spring\\uffff");

    private static String programme;
    private static String code;

    private static synchronized String programme() {
        if (programme == null) {
            programme = createProgramme("Hostile bodies");
            code = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
            createCampaign(programme, "Hostile bodies social", List.of(code));
        }
        return programme;
    }

    static Stream<Arguments> bodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String number : NUMERIC_DATES) {
            cases.add(Arguments.of("/api/v1/programmes", "startDate", """
                    {"name":"Spring","reportingCurrency":"EUR","timeZone":"Europe/Berlin","startDate":%s}"""
                    .formatted(number)));
            cases.add(Arguments.of("/api/v1/programmes/{programme}/campaigns", "endDate", """
                    {"name":"Spring sale","channel":"paid_social","endDate":%s}""".formatted(number)));
            cases.add(Arguments.of("/api/v1/tracking-codes/{code}/repoint", "from", """
                    {"campaignId":"9a1e0c3d-77b2-4f0e-8d6a-3c5b2e1f0a99","from":%s}""".formatted(number)));
        }
        for (String text : UNSTORABLE) {
            cases.add(Arguments.of("/api/v1/programmes", "name", """
                    {"name":"%s","reportingCurrency":"EUR","timeZone":"Europe/Berlin"}""".formatted(text)));
            cases.add(Arguments.of("/api/v1/programmes", "objective", """
                    {"name":"Spring","objective":"%s","reportingCurrency":"EUR","timeZone":"Europe/Berlin"}"""
                    .formatted(text)));
            cases.add(Arguments.of("/api/v1/programmes", "officialModelParameters", """
                    {"name":"Spring","reportingCurrency":"EUR","timeZone":"Europe/Berlin",
                     "officialModelParameters":{"%s":"40/20/40"}}""".formatted(text)));
            cases.add(Arguments.of("/api/v1/programmes/{programme}/campaigns", "name", """
                    {"name":"%s","channel":"paid_social"}""".formatted(text)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("bodies")
    void isA400NamingTheField(String path, String field, String body) {
        String target = path.replace("{programme}", programme()).replace("{code}", code);
        given().contentType(ContentType.JSON).body(body)
                .when().post(target)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith(field)))
                .body(not(containsString("Exception")));
    }
}
