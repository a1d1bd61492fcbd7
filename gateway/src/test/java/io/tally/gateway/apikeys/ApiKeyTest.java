package io.tally.gateway.apikeys;

import static io.tally.gateway.GatewayFixtures.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.devstack.Authorized;
import io.tally.devstack.Devstack;
import io.tally.devstack.PostgresServer;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStub.Received;
import io.tally.gateway.UpstreamStubs;
import io.tally.support.security.Role;

/**
 * API keys end to end through the gateway: an admin creates one (shown once, stored as a hash), a machine client calls
 * with it, the service behind sees a gateway-signed token instead of the key, its last use is recorded, and after
 * revocation it is refused.
 */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiKeyTest {

    private static final String KEYS = "/api/v1/api-keys";

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void anIngestKeyLoadsDataUntilItIsRevoked() throws Exception {
        var created = Authorized.given().contentType("application/json")
                .body(Map.of("name", "POS import job", "roles", List.of("ingest")))
                .post(KEYS)
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString(KEYS + "/"))
                .body("roles", equalTo(List.of("ingest")))
                .body("createdBy", equalTo("admin"))
                .body("key", startsWith("tally_"))
                .extract();
        String id = created.path("id");
        String key = created.path("key");

        RestAssured.given().header("X-API-Key", key).contentType("text/csv").body("order_id,amount\n")
                .post("/api/v1/imports/offline")
                .then().statusCode(200);
        Received received = GatewayFixtures.connectors().received().get(0);
        assertThat(received.header("X-API-Key")).isNull();
        JsonNode claims = claims(received.header("Authorization"));
        assertThat(claims.get("iss").asText()).isEqualTo("urn:tally:gateway");
        assertThat(claims.get("sub").asText()).isEqualTo("api-key:POS import job");
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactly("ingest");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(60);

        Authorized.given().get(KEYS + "/" + id).then().statusCode(200)
                .body("lastUsedAt", not(nullValue()))
                .body("key", nullValue());
        Authorized.given().get(KEYS).then().statusCode(200).body("items.id", hasItem(id));

        RestAssured.given().header("X-API-Key", key).get("/api/v1/reports/summary")
                .then().statusCode(403).contentType(PROBLEM_JSON);

        Authorized.given().delete(KEYS + "/" + id).then().statusCode(204);
        Authorized.given().get(KEYS + "/" + id).then().statusCode(200)
                .body("revokedBy", equalTo("admin"))
                .body("revokedAt", not(nullValue()));
        RestAssured.given().header("X-API-Key", key).contentType("text/csv").body("order_id,amount\n")
                .post("/api/v1/imports/offline")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .body("detail", equalTo("Not authenticated: the API key is unknown or revoked"));
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() throws Exception {
        String key = Authorized.given().contentType("application/json")
                .body(Map.of("name", "Looker", "roles", List.of("analyst"))).post(KEYS)
                .then().statusCode(201).extract().path("key");
        String secret = key.substring(key.indexOf('.') + 1);
        Devstack devstack = Devstack.shared();
        try (Connection db = DriverManager.getConnection(devstack.postgres().jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
                ResultSet rows = db.createStatement().executeQuery("SELECT * FROM gateway.api_key")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    byte[] value = rows.getBytes(c);
                    if (value != null) {
                        assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
                    }
                }
            }
        }
    }

    @Test
    void onlyAnAdminManagesKeysAndBadRequestsNameTheField() {
        Authorized.as(Role.FINANCE).get(KEYS).then().statusCode(403);
        RestAssured.given().get(KEYS).then().statusCode(401);
        Authorized.given().contentType("application/json")
                .body(Map.of("name", "x", "roles", List.of("owner"))).post(KEYS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("roles[0]"));
        Authorized.given().contentType("application/json").body(Map.of("roles", List.of("analyst"))).post(KEYS)
                .then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void aMadeUpKeyIsUnauthenticated() {
        RestAssured.given().header("X-API-Key", "tally_00000000000000000000000000000000."
                + "A".repeat(43)).get("/api/v1/reports/summary")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        RestAssured.given().header("X-API-Key", "nonsense").get("/api/v1/reports/summary").then().statusCode(401);
    }

    private static JsonNode claims(String authorization) throws Exception {
        assertThat(authorization).startsWith("Bearer ");
        String payload = authorization.substring(7).split("\\.")[1];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
    }

}
