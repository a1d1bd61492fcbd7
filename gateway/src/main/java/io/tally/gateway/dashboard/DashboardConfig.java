package io.tally.gateway.dashboard;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the dashboard signs users in: the authorization-code flow with PKCE against the organisation's OIDC provider (or,
 * with {@code ./tally up}, its local sign-in). The provider must issue tokens the gateway and services trust
 * ({@code TALLY_OIDC_ISSUER}), allow {@code https://<gateway>/} as the client's redirect URI and let the gateway's
 * origin call its token endpoint (CORS; "Web origins" in Keycloak).
 */
@ConfigMapping(prefix = "tally.dashboard")
public interface DashboardConfig {

    /** The provider's endpoints and the dashboard's client there. */
    SignIn signIn();

    interface SignIn {

        /** The provider's authorization endpoint (env {@code TALLY_DASHBOARD_AUTHORIZATION_ENDPOINT}). */
        Optional<String> authorizationEndpoint();

        /** The provider's token endpoint (env {@code TALLY_DASHBOARD_TOKEN_ENDPOINT}). */
        Optional<String> tokenEndpoint();

        /** The dashboard's client id at the provider: a public client, no secret (env {@code TALLY_DASHBOARD_CLIENT_ID}). */
        @WithDefault("tally-dashboard")
        String clientId();

        /** The scopes asked for (env {@code TALLY_DASHBOARD_SCOPE}). */
        @WithDefault("openid")
        String scope();
    }
}
