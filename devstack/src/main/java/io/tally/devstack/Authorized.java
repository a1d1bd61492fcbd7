package io.tally.devstack;

import java.time.Duration;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.tally.support.security.Role;

/**
 * REST Assured requests carrying a token of {@link LocalIssuer#shared()}: what the services' tests import instead of
 * {@code RestAssured.given} (the service under test trusts that issuer through {@link DevstackResource}). Tests of
 * access control itself use {@link #as(Role)} or a bare {@code RestAssured.given()}.
 */
public final class Authorized {

    private Authorized() {
    }

    /** A request as {@code admin}, who may call every operation. */
    public static RequestSpecification given() {
        return as(Role.ADMIN);
    }

    /** A request with a token holding {@code role} only. */
    public static RequestSpecification as(Role role) {
        return RestAssured.given().auth().oauth2(LocalIssuer.shared().token(role));
    }

    /** A request as the user {@code username} ({@code sub} and {@code preferred_username}) holding {@code roles}. */
    public static RequestSpecification asUser(String username, Role... roles) {
        return RestAssured.given().auth().oauth2(LocalIssuer.shared().token(username, Duration.ofHours(1), roles));
    }

    /** A request as the gateway forwards a call made with the API key named {@code keyName}. */
    public static RequestSpecification asApiKey(String keyName, Role... roles) {
        return RestAssured.given().auth().oauth2(LocalIssuer.shared().apiKeyToken(keyName, roles));
    }
}
