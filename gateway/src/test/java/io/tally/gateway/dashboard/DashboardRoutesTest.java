package io.tally.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.gateway.UpstreamStubs;

/**
 * The dashboard's pages, its chart library and its sign-in settings, served by the gateway without a token (the test
 * profile names a provider on another origin, as a deployment has).
 */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DashboardRoutesTest {

    @Test
    void theDashboardIsServedAtTheRootWithAStrictPolicy() {
        String csp = given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<main id=\"main\""))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .extract().header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'", "default-src 'none'")
                .contains("connect-src 'self' https://sso.example.com;")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void scriptsAndTheChartLibraryAreServedByTheGatewayItself() {
        given().get("/app/main.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get("/app/style.css").then().statusCode(200).contentType(containsString("text/css"));
        // the version index.html names is the one the build bundles
        String index = given().get("/index.html").then().statusCode(200).extract().asString();
        String library = index.replaceAll("(?s).*<script src=\"(/webjars/chart\\.js/[^\"]+)\".*", "$1");
        assertThat(library).startsWith("/webjars/chart.js/");
        given().get(library).then().statusCode(200).body(containsString("Chart"));
    }

    @Test
    void theSignInSettingsNameTheProviderAndThePublicClient() {
        given().get(DashboardRoutes.CONFIG_PATH)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("authorizationEndpoint",
                        equalTo("https://sso.example.com/realms/tally/protocol/openid-connect/auth"))
                .body("tokenEndpoint", equalTo("https://sso.example.com/realms/tally/protocol/openid-connect/token"))
                .body("clientId", equalTo("tally-dashboard"))
                .body("scope", equalTo("openid"))
                .body("rolesClaim", equalTo("groups"))
                .body("clientSecret", nullValue());
    }

    @Test
    void withoutAProviderThePolicyAllowsOnlyTheGateway() {
        assertThat(DashboardRoutes.policy(Optional.empty())).contains("connect-src 'self';");
        assertThat(DashboardRoutes.policy(Optional.of("http://localhost:8079/token")))
                .contains("connect-src 'self' http://localhost:8079;");
    }

    @Test
    void anUnknownPageIsNotFoundAndTheApiStillNeedsAToken() {
        given().get("/app/nothing-here.js").then().statusCode(404);
        given().get("/api/v1/programmes").then().statusCode(401);
    }
}
