package io.tally.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/programmes", "/api/v1/campaigns/c-1/goals", "/q/health/ready",
            "/api/v1/reports/revenue.csv", "/api/v1/collect/web/beacon...", "/api/v1/a%20b", "/api/v1/caf%C3%A9",
            "/api/v1/tracking-codes/a+b@c:d", "/api/v1/x~y_z", "/api/v1/q%3Fx", "/api/v1/h%23x"})
    void acceptsPlainPaths(String path) {
        assertThat(CanonicalPaths.problem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/..", "/api/v1/../q/health", "/api/v1/./x", "/api/v1/%2e%2e/x", "/api/v1/%2E/x",
            "/api/v1/a%2Fb", "/api/v1/a%2fb", "/api/v1/a%5cb", "/api/v1/a\\b", "/api/v1/a%00", "api/v1/x", "",
            // one literal, two spellings
            "/api/v1/finance/periods/2026-01/%72eopen", "/api/v1/finance/periods/2026-01/reope%6E",
            "/api/v1/finance/periods/2026%2D01/reopen", "/api/v1/%7Ex", "/api/v1/a%5Fb",
            // matrix parameters, empty segments, trailing slashes
            "/api/v1/finance/periods/2026-01/reopen;x=1", "/api/v1/finance;a=b/periods", "/api/v1;/x",
            "/api/v1/finance/periods/2026-01/reopen/", "/api//v1/finance", "//api/v1/finance", "/api/v1/%3B",
            // double encoding, broken encodings, control characters, characters outside the path set
            "/api/v1/%2572eopen", "/api/v1/%", "/api/v1/%4", "/api/v1/%zz", "/api/v1/a%09b", "/api/v1/a%7Fb",
            "/api/v1/a b", "/api/v1/a\tb", "/api/v1/\u00e9", "/api/v1/a\"b", "/api/v1/a<b", "/api/v1/a{b}",
            "/api/v1/a|b", "/api/v1/a^b", "/api/v1/a`b", "/api/v1/a?b", "/api/v1/a#b", "/api/v1/a[b]"})
    void refusesEverySecondSpelling(String path) {
        assertThat(CanonicalPaths.problem(path)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/swagger-ui/", "/q/health/", "/openapi/campaign/"})
    void outsideTheApiATrailingSlashIsServed(String path) {
        assertThat(CanonicalPaths.requestProblem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/programmes/", "/api/v1//programmes", "/q//health", "/q/../api/v1/x/",
            "/q/swagger-ui//", "/api/"})
    void insideTheApiNoneIsAndElsewhereOnlyOne(String path) {
        assertThat(CanonicalPaths.requestProblem(path)).isPresent();
    }
}
