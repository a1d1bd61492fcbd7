package io.tally.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tally.gateway.config.GatewayConfig;

/** The services behind the gateway, by the name used in routes, problems, OpenAPI and readiness data. */
public enum Upstream {

    CAMPAIGN, ATTRIBUTION, CONNECTORS;

    /** The service name, e.g. {@code campaign}. */
    public String serviceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This upstream's configured base URLs, one per instance. */
    public List<URI> baseUrls(GatewayConfig config) {
        return switch (this) {
            case CAMPAIGN -> config.upstreams().campaign();
            case ATTRIBUTION -> config.upstreams().attribution();
            case CONNECTORS -> config.upstreams().connectors();
        };
    }

    /** The path prefixes this upstream owns. */
    public List<String> prefixes(GatewayConfig config) {
        return switch (this) {
            case CAMPAIGN -> config.routes().campaign();
            case ATTRIBUTION -> config.routes().attribution();
            case CONNECTORS -> config.routes().connectors();
        };
    }

    /** The upstream with this service name, if any. */
    public static Optional<Upstream> byServiceName(String name) {
        for (Upstream upstream : values()) {
            if (upstream.serviceName().equals(name)) {
                return Optional.of(upstream);
            }
        }
        return Optional.empty();
    }
}
