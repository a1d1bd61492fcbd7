package io.tally.support.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which bearer tokens a Tally service accepts. Defaults come from this module's
 * {@code META-INF/microprofile-config.properties}: one issuer {@code oidc} read from {@code TALLY_OIDC_*} environment
 * variables.
 */
@ConfigMapping(prefix = "tally.auth")
public interface AuthConfig {

    /** The trusted token issuers, by a name of the operator's choice. An issuer without a JWKS is ignored. */
    Map<String, Issuer> issuers();

    /** How far a token's {@code exp}, {@code nbf} and {@code iat} may be off the local clock. */
    @WithDefault("30s")
    Duration clockSkew();

    /** One trusted issuer: its {@code iss} value and where its signing keys are published. */
    interface Issuer {

        /** The exact {@code iss} claim of its tokens (for Keycloak {@code https://host/realms/<realm>}). */
        Optional<String> issuer();

        /**
         * Its public keys: an {@code http(s)} URL of a JWK set (fetched and cached, refetched for an unknown
         * {@code kid}), or a file holding a JWK set or a PEM public key.
         */
        Optional<String> jwks();

        /**
         * When set, tokens must name this audience in {@code aud} (the Tally client of the realm, e.g. {@code tally}),
         * so a token the issuer made for another application is refused.
         */
        Optional<String> audience();

        /**
         * Whether this issuer must have an {@link #audience()}: when true and it is trusted (a JWKS is set) without
         * one, the service does not start. On in the {@code prod} profile for {@code oidc}, whose realm other
         * applications share; off for the gateway's own issuer, whose keys only Tally holds.
         */
        @WithDefault("false")
        boolean audienceRequired();

        /**
         * Where the roles are in the token: a claim name, or a path through nested claims separated by {@code /}
         * (Keycloak realm roles: {@code realm_access/roles}). A list of strings or one space-separated string.
         */
        @WithDefault("groups")
        String rolesClaim();
    }
}
