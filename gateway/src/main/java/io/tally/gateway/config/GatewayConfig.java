package io.tally.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;

/** The gateway's configuration: where each service lives, which paths it owns, and how long to wait for it. */
@ConfigMapping(prefix = "tally.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service. */
    Upstreams upstreams();

    /** Path prefixes under {@code /api/v1} owned by each upstream service. */
    Routes routes();

    /**
     * How long an upstream may stay silent (no response headers or body bytes) before the gateway answers
     * {@code 504 Gateway Timeout}.
     */
    Duration timeout();

    /** How long opening a connection to an upstream may take before the gateway gives up. */
    Duration connectTimeout();

    /** How long one upstream readiness probe may take before that upstream counts as not ready. */
    Duration readinessTimeout();

    /** The most connections the gateway keeps open to one upstream; further requests queue. */
    int maxConnectionsPerUpstream();

    /** Base URLs ({@code scheme://host:port[/path]}) of the upstream services. */
    interface Upstreams {

        /** Base URL of campaign-service (env {@code TALLY_CAMPAIGN_URL}). */
        URI campaign();

        /** Base URL of attribution-service (env {@code TALLY_ATTRIBUTION_URL}). */
        URI attribution();

        /** Base URL of channel-connectors (env {@code TALLY_CONNECTORS_URL}). */
        URI connectors();
    }

    /**
     * Path prefixes per upstream. A prefix {@code /api/v1/x} matches {@code /api/v1/x} and everything below
     * {@code /api/v1/x/}; the longest matching prefix wins.
     */
    interface Routes {

        /** Prefixes served by campaign-service. */
        List<String> campaign();

        /** Prefixes served by attribution-service. */
        List<String> attribution();

        /** Prefixes served by channel-connectors. */
        List<String> connectors();
    }
}
