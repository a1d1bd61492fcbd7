package io.tally.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.gateway.config.GatewayConfig;

class RouteTableTest {

    @Test
    void longestPrefixWins() {
        RouteTable table = new RouteTable(config(List.of("/api/v1/reports/goals"), List.of("/api/v1/reports"),
                List.of("/api/v1/collect")));

        assertThat(table.resolve("/api/v1/reports/goals/g-1")).contains(Upstream.CAMPAIGN);
        assertThat(table.resolve("/api/v1/reports/goalsX")).contains(Upstream.ATTRIBUTION);
        assertThat(table.resolve("/api/v1/reports")).contains(Upstream.ATTRIBUTION);
        assertThat(table.resolve("/api/v1/report")).isEmpty();
    }

    @Test
    void ignoresTrailingSlashesInPrefixes() {
        RouteTable table = new RouteTable(config(List.of("/api/v1/programmes/"), List.of("/api/v1/reports"),
                List.of("/api/v1/collect")));

        assertThat(table.resolve("/api/v1/programmes")).contains(Upstream.CAMPAIGN);
    }

    @Test
    void refusesPrefixesOutsideTheApi() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RouteTable(
                config(List.of("/q/health"), List.of("/api/v1/reports"), List.of("/api/v1/collect"))))
                .withMessageContaining("tally.gateway.routes.campaign");
        assertThatIllegalArgumentException().isThrownBy(() -> new RouteTable(
                config(List.of("/api/v1/programmes"), List.of("/api/v1/../q"), List.of("/api/v1/collect"))))
                .withMessageContaining("tally.gateway.routes.attribution");
    }

    private static GatewayConfig config(List<String> campaign, List<String> attribution, List<String> connectors) {
        GatewayConfig.Routes routes = new GatewayConfig.Routes() {
            @Override
            public List<String> campaign() {
                return campaign;
            }

            @Override
            public List<String> attribution() {
                return attribution;
            }

            @Override
            public List<String> connectors() {
                return connectors;
            }
        };
        return new GatewayConfig() {
            @Override
            public Upstreams upstreams() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Routes routes() {
                return routes;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration outOfRotation() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration readinessTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxConnectionsPerUpstream() {
                return 1;
            }

            @Override
            public ApiKeys apiKeys() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Collector collector() {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Map<String, RateLimit> rateLimits() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
