package io.tally.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's configuration: where each service lives, which paths it owns, and how long to wait for it. */
@ConfigMapping(prefix = "tally.gateway")
public interface GatewayConfig {

    /** Base URLs of each upstream service: one, or several instances of it. */
    Upstreams upstreams();

    /** Path prefixes under {@code /api/v1} owned by each upstream service. */
    Routes routes();

    /**
     * How long an upstream may stay silent (no response headers or body bytes) before the gateway answers
     * {@code 504 Gateway Timeout}.
     */
    Duration timeout();

    /**
     * How long opening a connection to an upstream instance may take before the gateway gives up on it (and tries
     * another instance of the service, if it has one).
     */
    Duration connectTimeout();

    /**
     * How long an instance that refused a connection (or did not accept one within {@link #connectTimeout()}) stays out
     * of the rotation; afterwards requests try it again. Only matters when an upstream has several base URLs.
     */
    Duration outOfRotation();

    /** How long one upstream readiness probe may take before that upstream counts as not ready. */
    Duration readinessTimeout();

    /** The most connections the gateway keeps open to one upstream instance; further requests queue. */
    int maxConnectionsPerUpstream();

    /** Browser calls to the web collector from shop pages on other origins. */
    Collector collector();

    /** How calls admitted with an API key are passed on to the services. */
    ApiKeys apiKeys();

    /** The tokens the gateway signs for API-key calls; the services trust them through {@code TALLY_GATEWAY_JWKS}. */
    interface ApiKeys {

        /**
         * The RSA private key (PEM, PKCS#8) the gateway signs them with (env {@code TALLY_GATEWAY_SIGNING_KEY}); without
         * it, API-key calls answer 503.
         */
        Optional<String> signingKey();

        /** Their {@code iss}, which the services expect ({@code TALLY_GATEWAY_ISSUER} there). */
        @WithDefault("urn:tally:gateway")
        String issuer();

        /** How long one is valid: long enough for one call to reach its service. */
        @WithDefault("60s")
        Duration tokenLifetime();
    }

    /**
     * Request rate limits by route group name. A request counts against the group whose path prefix matches it
     * longest, in a bucket of its own per caller: the API key, else the token's issuer and subject, else the client
     * address.
     */
    Map<String, RateLimit> rateLimits();

    /** Cross-origin (CORS) access to {@code /api/v1/collect}. */
    interface Collector {

        /**
         * Origins ({@code https://shop.example}, {@code http://localhost:3000}) whose pages may call the collector;
         * when empty, no cross-origin browser call is allowed.
         */
        Optional<List<String>> allowedOrigins();
    }

    /** One route group's limit: {@code capacity} requests per {@code period}, refilled smoothly. */
    interface RateLimit {

        /** Path prefixes of the group (a prefix matches itself and everything below it). */
        List<String> paths();

        /** Requests a caller may make in one period (also the burst they may make at once). */
        long capacity();

        /** The period over which {@code capacity} refills. */
        Duration period();
    }

    /**
     * Base URLs ({@code scheme://host:port[/path]}) of the upstream services. A service with several instances gets
     * several, comma-separated: the gateway spreads requests over them in turn and takes an instance that refuses
     * connections out of the rotation for {@link #outOfRotation()}. Behind a load balancer (a Kubernetes Service) give
     * the one URL of the balancer.
     */
    interface Upstreams {

        /** Base URLs of campaign-service (env {@code TALLY_CAMPAIGN_URL}). */
        List<URI> campaign();

        /** Base URLs of attribution-service (env {@code TALLY_ATTRIBUTION_URL}). */
        List<URI> attribution();

        /** Base URLs of channel-connectors (env {@code TALLY_CONNECTORS_URL}). */
        List<URI> connectors();
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
