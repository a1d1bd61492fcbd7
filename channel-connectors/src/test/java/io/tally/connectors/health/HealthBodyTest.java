package io.tally.connectors.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.Ports;

/**
 * With the database unreachable, the health endpoints say DOWN and which check failed, but never how: no SQL, JDBC
 * URL, host and port, exception or class name.
 */
@QuarkusTest
@TestProfile(HealthBodyTest.DatabaseDown.class)
class HealthBodyTest {

    static final int CLOSED_PORT = Ports.free();

    /** Everything that would tell an outsider about the internals. */
    static final List<Pattern> LEAKS = List.of(Pattern.compile("(?i)select |insert |jdbc:|postgres(ql)?:"),
            Pattern.compile("Exception|Error:|\\tat |\\bat [a-z]+\\."), Pattern.compile("\\b(org|java|io)\\.[a-z]+\\."),
            Pattern.compile("[A-Za-z0-9.-]+:\\d{2,5}"), Pattern.compile(String.valueOf(CLOSED_PORT)),
            Pattern.compile("(?i)refused|timed out|password|bootstrap"));

    /** Devstack's Kafka, and a database address where nothing listens (Flyway off, so the service still starts). */
    public static class DatabaseDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.migrate-at-start", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(NoDatabase.class));
        }
    }

    /** The devstack configuration with the JDBC URL pointed at a closed port. */
    public static class NoDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(new DevstackResource().start());
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + CLOSED_PORT + "/tally");
            config.put("quarkus.datasource.jdbc.acquisition-timeout", "2s");
            return config;
        }

        @Override
        public void stop() {
            // devstack is shared by the JVM
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/health/live", "/q/health/started"})
    void healthBodiesNameChecksAndStatusesButNoInternals(String path) {
        String body = given().when().get(path).then().extract().asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getString("status")).isIn("UP", "DOWN");
        assertThat(json.getList("checks.name", String.class)).doesNotContainNull();
        assertThat(json.getList("checks.status", String.class)).allMatch(s -> s.equals("UP") || s.equals("DOWN"));
        for (Pattern leak : LEAKS) {
            assertThat(leak.matcher(body).find()).as(path + " shows " + leak + ": " + body).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready"})
    void theDatabaseOutageIsReportedAsDown(String path) {
        String body = given().when().get(path).then().statusCode(503).extract().asString();
        assertThat(JsonPath.from(body).getString("status")).isEqualTo("DOWN");
    }

    @org.junit.jupiter.api.Test
    void withTheDatabaseDownTheCollectorAnswers503WithRetryAfterAndNoInternals() {
        String body = given().contentType("application/json")
                .body("{\"type\":\"page_view\",\"anonymousId\":\"a-db-down\",\"timestamp\":\"2026-11-22T10:15:30Z\","
                        + "\"url\":\"https://shop.example/\"}")
                .when().post("/api/v1/collect").then().statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .contentType("application/problem+json").extract().asString();
        for (Pattern leak : LEAKS) {
            assertThat(leak.matcher(body).find()).as("the answer shows " + leak + ": " + body).isFalse();
        }
    }
}
