package io.tally.gateway.security;

import static io.tally.support.security.Role.ADMIN;
import static io.tally.support.security.Role.ANALYST;
import static io.tally.support.security.Role.FINANCE;
import static io.tally.support.security.Role.INGEST;
import static io.tally.support.security.Role.MARKETER;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.tally.devstack.LocalIssuer;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStubs;
import io.tally.support.security.Role;
import io.tally.support.security.TokenSigner;

/**
 * Every operation of every service's OpenAPI document and the gateway's own, called through the gateway (services
 * stubbed to answer 200) without a token, with a token of each role, and with an expired token, a token signed by another key and an
 * unsigned ({@code alg: none}) token. The expected access of each operation is written out below, operation by
 * operation: an operation missing here (a new endpoint) fails the test until someone decides who may call it.
 */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoleMatrixTest {

    /** Anyone, no token needed (no role named). */
    private static final Set<Role> PUBLIC = Set.of();
    private static final Set<Role> READERS = EnumSet.of(ANALYST, FINANCE, MARKETER, ADMIN);
    private static final Set<Role> MODELLERS = EnumSet.of(ANALYST, FINANCE, ADMIN);
    private static final Set<Role> PLANNERS = EnumSet.of(MARKETER, ADMIN);
    private static final Set<Role> FINANCE_TEAM = EnumSet.of(FINANCE, ADMIN);
    private static final Set<Role> LOADERS = EnumSet.of(INGEST, ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    private static final Map<String, Set<Role>> EXPECTED = Map.ofEntries(
            // campaign-service
            entry("GET /api/v1/alerts", READERS),
            entry("GET /api/v1/budgets/{id}", READERS),
            entry("PUT /api/v1/budgets/{id}", PLANNERS),
            entry("DELETE /api/v1/budgets/{id}", PLANNERS),
            entry("GET /api/v1/budgets/{id}/history", READERS),
            entry("GET /api/v1/campaigns/{id}", READERS),
            entry("PUT /api/v1/campaigns/{id}", PLANNERS),
            entry("DELETE /api/v1/campaigns/{id}", PLANNERS),
            entry("GET /api/v1/campaigns/{id}/budgets", READERS),
            entry("POST /api/v1/campaigns/{id}/budgets", PLANNERS),
            entry("GET /api/v1/campaigns/{id}/history", READERS),
            entry("GET /api/v1/goals/{id}", READERS),
            entry("PUT /api/v1/goals/{id}", PLANNERS),
            entry("DELETE /api/v1/goals/{id}", PLANNERS),
            entry("GET /api/v1/goals/{id}/history", READERS),
            entry("GET /api/v1/programmes", READERS),
            entry("POST /api/v1/programmes", PLANNERS),
            entry("GET /api/v1/programmes/{id}", READERS),
            entry("PUT /api/v1/programmes/{id}", PLANNERS),
            entry("GET /api/v1/programmes/{id}/campaigns", READERS),
            entry("POST /api/v1/programmes/{id}/campaigns", PLANNERS),
            entry("GET /api/v1/programmes/{id}/goals", READERS),
            entry("POST /api/v1/programmes/{id}/goals", PLANNERS),
            entry("GET /api/v1/programmes/{id}/history", READERS),
            entry("GET /api/v1/programmes/{id}/progress", READERS),
            entry("GET /api/v1/tracking-codes", READERS),
            entry("GET /api/v1/tracking-codes/{code}", READERS),
            entry("POST /api/v1/tracking-codes/{code}/repoint", PLANNERS),
            // attribution-service
            entry("POST /api/v1/attribution/evaluate", MODELLERS),
            entry("GET /api/v1/attribution/experiments", READERS),
            entry("POST /api/v1/attribution/experiments", MODELLERS),
            entry("GET /api/v1/attribution/experiments/{id}/history", READERS),
            entry("POST /api/v1/attribution/experiments/{id}/revisions", MODELLERS),
            entry("POST /api/v1/attribution/experiments/{id}/withdraw", MODELLERS),
            entry("GET /api/v1/attribution/models", READERS),
            entry("POST /api/v1/attribution/models/{model}/train", MODELLERS),
            entry("GET /api/v1/attribution/models/{model}/versions", READERS),
            entry("GET /api/v1/finance/fx-rates", FINANCE_TEAM),
            entry("PUT /api/v1/finance/fx-rates", FINANCE_TEAM),
            entry("GET /api/v1/finance/periods", FINANCE_TEAM),
            entry("POST /api/v1/finance/periods/{period}/close", FINANCE_TEAM),
            entry("POST /api/v1/finance/periods/{period}/reopen", ADMINS),
            entry("GET /api/v1/finance/revenue", FINANCE_TEAM),
            entry("GET /api/v1/reports/attribution", READERS),
            entry("GET /api/v1/reports/integration", READERS),
            entry("GET /api/v1/reports/model-comparison", READERS),
            entry("GET /api/v1/reports/paths", READERS),
            entry("GET /api/v1/reports/programme-roi", READERS),
            entry("GET /api/v1/reports/summary", READERS),
            // channel-connectors
            entry("POST /api/v1/collect", PUBLIC),
            entry("GET /api/v1/collect/pixel.gif", PUBLIC),
            entry("POST /api/v1/webhooks/esp/{provider}", PUBLIC),
            entry("POST /api/v1/webhooks/mailgun", PUBLIC),
            entry("POST /api/v1/webhooks/sendgrid", PUBLIC),
            entry("POST /api/v1/webhooks/shopify", PUBLIC),
            entry("POST /api/v1/imports/ad-costs/{platform}", LOADERS),
            entry("POST /api/v1/imports/costs", LOADERS),
            entry("POST /api/v1/imports/meta-insights", LOADERS),
            entry("POST /api/v1/imports/offline", LOADERS),
            entry("GET /api/v1/imports", LOADERS),
            entry("GET /api/v1/imports/{id}", LOADERS),
            entry("GET /api/v1/imports/{id}/rejects", LOADERS),
            entry("POST /api/v1/social/engagements", LOADERS),
            entry("GET /api/v1/rejects", LOADERS),
            // the gateway's own
            entry("GET /api/v1/api-keys", ADMINS),
            entry("POST /api/v1/api-keys", ADMINS),
            entry("GET /api/v1/api-keys/{id}", ADMINS),
            entry("DELETE /api/v1/api-keys/{id}", ADMINS));

    private static final List<String> MODULES = List.of("campaign-service", "attribution-service",
            "channel-connectors", "gateway");

    /** Access granted: anything but 401 and 403 (stubbed services answer 200, the gateway's own API what it must). */
    private static final int GRANTED = 0;

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void everyDocumentedOperationHasAnExpectedAccess() throws IOException {
        Set<String> documented = documentedOperations();
        assertThat(documented).as("operations documented but with no expected access here")
                .allMatch(EXPECTED::containsKey);
        assertThat(EXPECTED.keySet()).as("expected access for operations no service documents")
                .allMatch(documented::contains);
    }

    @Test
    void everyOperationAnswersEachCallerAsExpected() throws IOException {
        LocalIssuer issuer = LocalIssuer.shared();
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("expired", issuer.token("admin", Duration.ofMinutes(-5), ADMIN));
        badTokens.put("signed by another key",
                TokenSigner.generate(LocalIssuer.ISSUER).sign("admin", List.of(ADMIN), Duration.ofHours(1)));
        badTokens.put("alg none", unsigned(issuer.token(ADMIN)));

        List<String> wrong = new ArrayList<>();
        for (String operation : documentedOperations()) {
            Set<Role> allowed = EXPECTED.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}/]+}", "x1");

            check(wrong, operation, "no token", RestAssured.given(), method, path, allowed.isEmpty() ? GRANTED : 401);
            for (Role role : Role.values()) {
                int status = allowed.isEmpty() || allowed.contains(role) ? GRANTED : 403;
                check(wrong, operation, role.claim(), RestAssured.given().auth().oauth2(issuer.token(role)), method,
                        path, status);
            }
            badTokens.forEach((name, token) -> check(wrong, operation, name,
                    RestAssured.given().auth().oauth2(token), method, path, allowed.isEmpty() ? GRANTED : 401));
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, String operation, String caller, RequestSpecification request,
            String method, String path, int expected) {
        int status = request.contentType("application/json").body("{}").request(method, path).statusCode();
        boolean right = expected == GRANTED ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!right) {
            wrong.add(operation + " as " + caller + ": " + status + ", expected "
                    + (expected == GRANTED ? "access" : expected));
        }
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    private static Set<String> documentedOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        for (String module : MODULES) {
            JsonNode paths = new ObjectMapper().readTree(Path.of("..", module, "openapi", "openapi.json").toFile())
                    .get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }));
        }
        return operations;
    }
}
