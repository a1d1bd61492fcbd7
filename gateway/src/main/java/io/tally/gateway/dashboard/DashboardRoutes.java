package io.tally.gateway.dashboard;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser dashboard (the {@code dashboard} module's pages, served from {@code META-INF/resources} at {@code /}):
 * publishes its sign-in settings at {@value #CONFIG_PATH} and puts a strict Content-Security-Policy on its pages, so
 * the pages run only the gateway's own scripts and talk only to the gateway and the identity provider's token
 * endpoint. The dashboard has no endpoint of its own beyond these settings: every figure comes from the public API with
 * the user's token.
 */
@Singleton
public class DashboardRoutes {

    /** Where the pages read the sign-in settings (public: endpoints and a public client id, no secret). */
    public static final String CONFIG_PATH = "/dashboard-config.json";

    private final byte[] settings;
    private final String policy;

    DashboardRoutes(DashboardConfig config, ObjectMapper json,
            @ConfigProperty(name = "tally.auth.issuers.oidc.roles-claim", defaultValue = "groups") String rolesClaim)
            throws JsonProcessingException {
        DashboardConfig.SignIn signIn = config.signIn();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorizationEndpoint", signIn.authorizationEndpoint().orElse(null));
        body.put("tokenEndpoint", signIn.tokenEndpoint().orElse(null));
        body.put("clientId", signIn.clientId());
        body.put("scope", signIn.scope());
        body.put("rolesClaim", rolesClaim);
        this.settings = json.writeValueAsBytes(body);
        this.policy = policy(signIn.tokenEndpoint());
    }

    /** Scripts, styles and calls from the gateway's origin only, plus the token endpoint; no framing, no plugins. */
    static String policy(Optional<String> tokenEndpoint) {
        String connect = "'self'" + tokenEndpoint.map(DashboardRoutes::origin).map(o -> " " + o).orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void init(@Observes Router router) {
        router.get(CONFIG_PATH).handler(this::settings);
        for (String page : new String[]{"/", "/index.html", "/app/*"}) {
            router.get(page).handler(this::secure);
        }
    }

    private void settings(RoutingContext context) {
        context.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                .end(io.vertx.core.buffer.Buffer.buffer(settings));
    }

    private void secure(RoutingContext context) {
        context.response().putHeader("Content-Security-Policy", policy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                // the pages change with each release: revalidate, never serve a stale script beside a new page
                .putHeader("Cache-Control", "no-cache");
        context.next();
    }
}
