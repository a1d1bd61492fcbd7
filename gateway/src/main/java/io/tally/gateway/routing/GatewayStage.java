package io.tally.gateway.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tally.support.http.PathGuard;
import io.tally.support.security.AccessControl;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * The order in which the gateway's handlers see a request, first to last: each stage is a Vert.x route order, strictly
 * increasing down this list, and every gateway handler installs its route through {@link #route}. Two stages are
 * service-support's {@link PathGuard} and {@link AccessControl}, which install themselves (in every service too) at
 * their own {@code ORDER}; the gateway's stages are placed around those two. Quarkus' own handlers (access log, request
 * headers, body handler, authentication setup) run before the first stage; its REST resources after the last.
 */
public enum GatewayStage {

    /**
     * Refuses a path that is not canonical or a query that does not decode ({@code 400}): {@link PathGuard}. First, so
     * every later stage decides on the one spelling of the path the router dispatches on.
     */
    PATH_GUARD(PathGuard.ORDER),

    /**
     * Refuses a declared body over the limit ({@code 413}) and closes the connection ({@link ApiRoutes}). Right after
     * the path guard, before anything could start reading the body.
     */
    BODY_LIMIT(PathGuard.ORDER + 1),

    /**
     * CORS for the web collector: answers preflights, refuses foreign origins ({@code 403}) (the security package's
     * {@code CollectorCors}). Before access control, because a browser's preflight carries no credentials.
     */
    CORS(AccessControl.ORDER - 200),

    /**
     * An {@code /api/v1} path no service owns answers {@code 404} ({@link ApiRoutes}). Before access control, so an
     * unknown path is not answered {@code 401} as if it existed.
     */
    UNOWNED(AccessControl.ORDER - 100),

    /**
     * Token or API key, then role ({@code 401}/{@code 403}): {@link AccessControl}, the same check every service runs
     * again. Before rate limiting, so an admitted caller is counted by who they are and a refused call is not counted.
     */
    ACCESS_CONTROL(AccessControl.ORDER),

    /**
     * The caller's token bucket for the route group ({@code 429}) (the ratelimit package's {@code RateLimiter}). After
     * access control, which names the caller.
     */
    RATE_LIMIT(AccessControl.ORDER + 100),

    /**
     * Drops {@code X-API-Key} and, for an API key's call, signs the bearer token the services verify (the apikeys
     * package's {@code ApiKeyForwarding}). After the checks, so only an admitted, counted call gets a token.
     */
    API_KEY_FORWARDING(AccessControl.ORDER + 200),

    /**
     * Forwards the call to the service that owns the path, or lets the gateway's own REST resources answer it
     * ({@link ApiRoutes}). Last of the gateway's stages, before Quarkus' REST routes.
     */
    PROXY(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT);

    /** The route metadata key under which a route installed by {@link #route} names its stage. */
    public static final String METADATA_KEY = "tally.gateway.stage";

    private final int order;

    GatewayStage(int order) {
        this.order = order;
    }

    /** The Vert.x route order of this stage. */
    public int order() {
        return order;
    }

    /**
     * A new route on {@code router} for this stage: matching every path under {@code path} (a Vert.x path; null for
     * every request), at this stage's {@link #order()}, and naming the stage in its {@link #METADATA_KEY} metadata.
     */
    public Route route(Router router, String path) {
        Route route = path == null ? router.route() : router.route(path);
        return route.order(order).putMetadata(METADATA_KEY, this);
    }
}
