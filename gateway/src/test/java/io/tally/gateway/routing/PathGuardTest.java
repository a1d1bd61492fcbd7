package io.tally.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/programmes", "/api/v1/campaigns/c-1/goals", "/q/health/ready",
            "/api/v1/reports/revenue.csv", "/api/v1/collect/web/beacon...", "/api/v1/a%20b"})
    void acceptsPlainPaths(String path) {
        assertThat(PathGuard.isSafe(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/..", "/api/v1/../q/health", "/api/v1/./x", "/api/v1/%2e%2e/x", "/api/v1/%2E/x",
            "/api/v1/a%2Fb", "/api/v1/a%2fb", "/api/v1/a%5cb", "/api/v1/a\\b", "/api/v1/a%00", "api/v1/x", ""})
    void refusesTraversalTricks(String path) {
        assertThat(PathGuard.isSafe(path)).isFalse();
    }
}
