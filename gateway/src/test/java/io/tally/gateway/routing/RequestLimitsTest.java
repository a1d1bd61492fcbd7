package io.tally.gateway.routing;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStubs;

/** Oversized bodies and header blocks are refused at the gateway, before any service sees them. */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RequestLimitsTest {

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedUnread() {
        String answer = GatewayFixtures.raw("""
                POST /api/v1/imports/offline HTTP/1.1\r
                Host: localhost\r
                Content-Type: text/csv\r
                Content-Length: 3000000000\r
                \r
                order_id,amount\r
                """);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("urn:tally:problem:payload-too-large").contains("X-Request-Id");
        assertThat(GatewayFixtures.connectors().received()).isEmpty();
    }

    @Test
    void aHeaderBlockLargerThanTheLimitIsRefused() {
        int status = given().header("X-Padding", "x".repeat(20_000)).get("/api/v1/programmes").statusCode();
        assertThat(status).isEqualTo(431);
        assertThat(GatewayFixtures.campaign().received()).isEmpty();
    }
}
