package io.tally.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tally.devstack.ApiFuzzer;
import io.tally.devstack.Suite;
import io.tally.support.security.Role;

/**
 * The packaged suite, started the way {@code ./tally up} starts it, driven only through the gateway: the README
 * walk-through as a test. Proves the slice across services: campaign-service → Kafka → attribution, and
 * channel-connectors → Kafka → attribution → report.
 */
@Order(1)
@ExtendWith(SharedSuite.class)
class SuiteIT {

    private static final List<String> MODULES = List.of("campaign-service", "attribution-service",
            "channel-connectors", "gateway");

    private static Suite suite;
    private static Path root;

    @BeforeAll
    static void useSuite(Suite started) {
        suite = started;
        root = SharedSuite.root();
    }

    @Test
    void thePurchaseRevenueIsCreditedToTheProgrammeOfTheTouchThatBroughtTheCustomer() {
        purchaseCredited();
    }

    /**
     * The open collector cannot take revenue back; a refund import (authenticated, so verified) can, and the report
     * shows the order's revenue net of it.
     */
    @Test
    void aRefundImportedByAnIngesterLowersTheCreditedRevenueWhileTheBeaconCannotRefund() {
        Purchase purchase = purchaseCredited();
        given().contentType(ContentType.JSON).body("""
                {"type":"refund","anonymousId":"%s","timestamp":"%sT10:00:00Z","url":"https://shop.example/",
                 "orderId":"%s","amount":"129.90","currency":"EUR","refundId":"beacon-%s"}"""
                .formatted(purchase.visitor(), purchase.day(), purchase.orderId(), purchase.visitor()))
                .when().post("/api/v1/collect")
                .then().statusCode(400).body("errors.field", hasItem("type"));

        String job = as(Role.INGEST).contentType("text/csv; charset=UTF-8").queryParam("kind", "refunds")
                .body("refund_id,order_id,occurred_at,amount,currency\nRF-%s,%s,%sT11:00:00Z,15.00,EUR\n"
                        .formatted(purchase.visitor(), purchase.orderId(), purchase.day()))
                .when().post("/api/v1/imports/offline")
                .then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            as(Role.INGEST).get("/api/v1/imports/" + job).then().statusCode(200).body("accepted", equalTo(1));
            assertThat(revenueOf(purchase)).isEqualTo("114.90");
        });
    }

    /** A purchase the suite has credited, 129.90 EUR under the linear model, to a new programme. */
    record Purchase(String programme, LocalDate day, String visitor, String orderId) {
    }

    private static String revenueOf(Purchase purchase) {
        JsonPath report = as(Role.ANALYST).queryParam("from", purchase.day().toString())
                .queryParam("to", purchase.day().toString())
                .queryParam("model", "linear").queryParam("groupBy", "programme")
                .when().get("/api/v1/reports/attribution")
                .then().statusCode(200).extract().jsonPath();
        return report.getString("rows.find { it.id == '" + purchase.programme() + "' }.revenue");
    }

    private static Purchase purchaseCredited() {
        String code = "bf-" + UUID.randomUUID().toString().substring(0, 8);
        String programme = as(Role.MARKETER).contentType(ContentType.JSON)
                .body(Map.of("name", "Black Friday", "reportingCurrency", "EUR", "timeZone", "Europe/Berlin",
                        "lookbackDays", 30))
                .when().post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        as(Role.MARKETER).contentType(ContentType.JSON)
                .body(Map.of("name", "BF social", "channel", "paid_social", "trackingCodes", List.of(code)))
                .when().post("/api/v1/programmes/" + programme + "/campaigns")
                .then().statusCode(201);

        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String visitor = "visitor-" + UUID.randomUUID();
        String events = """
                [{"type":"page_view","anonymousId":"%1$s","timestamp":"%2$sT09:00:00Z",
                  "url":"https://shop.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=%3$s"},
                 {"type":"purchase","anonymousId":"%1$s","timestamp":"%2$sT09:30:00Z",
                  "url":"https://shop.example/thanks","orderId":"%1$s-order","revenue":"129.90","currency":"EUR"}]"""
                .formatted(visitor, day, code.toUpperCase());
        given().contentType(ContentType.JSON).body(events)
                .when().post("/api/v1/collect")
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath report = as(Role.ANALYST).queryParam("from", day.toString()).queryParam("to", day.toString())
                    .queryParam("model", "linear").queryParam("groupBy", "programme")
                    .when().get("/api/v1/reports/attribution")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(report.getString("rows.find { it.id == '" + programme + "' }.revenue")).isEqualTo("129.90");
            assertThat(report.getString("rows.find { it.id == '" + programme + "' }.name"))
                    .isEqualTo("Black Friday");
        });
        return new Purchase(programme, day, visitor, visitor + "-order");
    }

    /**
     * The short version of {@code ./tally fuzz}: malformed requests to every operation of the four documents, through
     * the gateway to the real services; none may answer 5xx or show anything internal, and afterwards a purchase is
     * still credited.
     */
    @Test
    void malformedRequestsToEveryOperationGetNoServerErrorLeakNothingAndCreditingGoesOn() throws Exception {
        List<ApiFuzzer.Operation> operations = new ArrayList<>();
        for (String module : MODULES) {
            operations.addAll(
                    ApiFuzzer.operations(Files.readString(root.resolve(module).resolve("openapi/openapi.json"))));
        }
        ApiFuzzer.Report report = new ApiFuzzer(URI.create(suite.gatewayUrl()), suite.issuer(), 14)
                .fuzz(operations, 30);
        assertThat(report.requests()).isGreaterThan(1500);
        assertThat(report.findings()).isEmpty();
        purchaseCredited();
    }

    @Test
    void everyServiceRefusesACallWithoutATokenEvenPastTheGateway() {
        given().get("/api/v1/reports/summary?from=2026-11-01&to=2026-11-01").then().statusCode(401);
        given().baseUri(service("campaign-service")).get("/api/v1/programmes").then().statusCode(401);
        given().baseUri(service("attribution-service")).get("/api/v1/reports/summary?from=2026-11-01&to=2026-11-01")
                .then().statusCode(401);
        given().baseUri(service("channel-connectors")).contentType("text/csv").body("x")
                .post("/api/v1/imports/offline").then().statusCode(401);
    }

    @Test
    void anApiKeyCreatedByAnAdminWorksAgainstTheServicesUntilRevoked() {
        var created = as(Role.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "BI extract", "roles", List.of("marketer")))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201).extract();
        String key = created.path("key");
        // the service behind verifies the token the gateway signed for the key, and records the key as the actor
        String programme = given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("name", "Keyed", "reportingCurrency", "EUR", "timeZone", "Europe/Berlin",
                        "lookbackDays", 30))
                .when().post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        given().header("X-API-Key", key).get("/api/v1/programmes/" + programme + "/history")
                .then().statusCode(200).body("items[0].actor", equalTo("api-key:BI extract"));

        as(Role.ADMIN).delete("/api/v1/api-keys/" + created.path("id")).then().statusCode(204);
        given().header("X-API-Key", key).get("/api/v1/programmes").then().statusCode(401);
    }

    private static String service(String name) {
        return suite.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().url();
    }

    private static RequestSpecification as(Role role) {
        return given().auth().oauth2(suite.issuer().token(role));
    }

    @Test
    void badCollectorInputIsAProblemNamingTheFieldThroughTheGateway() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"type":"purchase","anonymousId":"x","timestamp":"2026-11-01T10:00:00Z",
                         "url":"https://shop.example/","orderId":"o","revenue":"-1.00","currency":"EUR"}""")
                .when().post("/api/v1/collect")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("revenue"));
    }

    /** The dashboard's sign-in, as its script does it: the code comes back to the gateway's page, the token works. */
    @Test
    void aSignInAtTheLocalSignInGivesATokenTheGatewayAccepts() throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirectUri = suite.gatewayUrl() + "/";
        String location = given().baseUri(suite.signIn().authorizationEndpoint()).redirects().follow(false)
                .formParams(Map.of("response_type", "code", "client_id", suite.signIn().clientId(), "redirect_uri",
                        redirectUri, "state", "s", "code_challenge", challenge, "code_challenge_method", "S256",
                        "role", "marketer"))
                .when().post()
                .then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith(redirectUri + "?code=").endsWith("&state=s");
        String code = location.substring((redirectUri + "?code=").length(), location.indexOf("&state="));
        String token = given().baseUri(suite.signIn().tokenEndpoint()).header("Origin", suite.gatewayUrl())
                .formParams(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                        "client_id", suite.signIn().clientId(), "code_verifier", verifier))
                .when().post()
                .then().statusCode(200).header("Access-Control-Allow-Origin", suite.gatewayUrl())
                .extract().path("access_token");

        given().auth().oauth2(token).get("/api/v1/programmes").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void theGatewayIsReadyAndItsSwaggerUiListsEveryService() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String service : List.of("campaign", "attribution", "connectors")) {
            given().when().get("/openapi/" + service).then().statusCode(200).body("openapi", org.hamcrest.Matchers
                    .startsWith("3."));
        }
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
