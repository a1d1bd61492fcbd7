package io.tally.gateway.openapi;

import static io.tally.devstack.Authorized.given;
import static io.tally.gateway.GatewayFixtures.PROBLEM_JSON;
import static io.tally.gateway.GatewayFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStub.Received;
import io.tally.gateway.UpstreamStubs;

@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiRoutesTest {

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void servesTheCampaignServicesOwnDocument() {
        given().get("/openapi/campaign")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("Tally campaign API"));

        assertThat(campaign().received()).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("GET");
            assertThat(received.uri()).isEqualTo("/q/openapi?format=json");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"campaign", "attribution", "connectors"})
    void documentedPathsCanBeTriedOutThroughTheGateway(String service) {
        JsonPath document = given().get("/openapi/" + service).then().statusCode(200).extract().jsonPath();
        assertThat(document.getList("servers")).as("no servers: Swagger UI calls the gateway origin").isNull();
        Map<String, Object> paths = document.getMap("paths");

        assertThat(paths).isNotEmpty();
        for (String path : paths.keySet()) {
            given().get(path).then().statusCode(200).header("X-Stub", service);
        }
    }

    @Test
    void answersNotFoundProblemForAnUnknownService() {
        given().get("/openapi/billing")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:tally:problem:not-found"));

        GatewayFixtures.stubs().forEach(stub -> assertThat(stub.received()).extracting(Received::uri).isEmpty());
    }

    @Test
    void swaggerUiListsTheThreeDocuments() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/openapi/campaign"))
                .body(containsString("/openapi/attribution"))
                .body(containsString("/openapi/connectors"));
    }

    @Test
    void gatewaysOwnDocumentStaysLocal() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Tally gateway"))
                .body("servers", nullValue());

        GatewayFixtures.stubs().forEach(stub -> assertThat(stub.received()).isEmpty());
    }
}
