package io.tally.gateway.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tally.support.http.PathGuard;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.ProblemResponses;
import io.tally.support.security.AccessControl;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * Installs the body limit and the {@code /api/v1} routes (after the shared {@link PathGuard}): unknown paths answer 404, then {@link AccessControl} checks
 * the caller, then each owned path is proxied to its upstream.
 */
@Singleton
public class ApiRoutes {

    /** Right after the {@link PathGuard}: bodies over the limit are refused before anything reads them. */
    static final int BODY_LIMIT_ORDER = PathGuard.ORDER + 1;

    /** Unknown API paths answer 404 before {@link AccessControl} asks for credentials. */
    static final int UNOWNED_ORDER = AccessControl.ORDER - 100;

    /** Last: after access control and rate limits. */
    static final int PROXY_ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private final RouteTable routeTable;
    private final ProxyFactory proxies;
    private final ProblemResponses problems;

    private final long maxBodyBytes;

    ApiRoutes(RouteTable routeTable, ProxyFactory proxies, ProblemResponses problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.routeTable = routeTable;
        this.proxies = proxies;
        this.problems = problems;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void init(@Observes Router router) {
        Map<Upstream, HttpProxy> byUpstream = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            byUpstream.put(upstream, proxies.forwarding(upstream));
        }
        router.route().order(BODY_LIMIT_ORDER).handler(this::limitBody);
        router.route(RouteTable.API_ROOT + "/*").order(UNOWNED_ORDER).handler(this::notFoundUnlessOwned);
        router.route(RouteTable.API_ROOT + "/*").order(PROXY_ORDER).handler(context -> proxy(context, byUpstream));
    }

    private void limitBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (declaredLength(request) > maxBodyBytes) {
            // refused unread, and the connection closed so the body is not read either; Quarkus' own limit still
            // stops a chunked body that grows past it
            if (request.version() != HttpVersion.HTTP_2) {
                context.response().putHeader("Connection", "close")
                        .endHandler(ignored -> request.connection().close());
            }
            problems.send(context.response(), RequestIds.of(request), "payload-too-large", "Payload too large", 413,
                    "The body is larger than the gateway's limit of " + maxBodyBytes + " bytes", request.path());
        } else {
            context.next();
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void notFoundUnlessOwned(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (routeTable.resolve(request.path()).isPresent() || RouteTable.isOwn(request.path())) {
            context.next();
        } else {
            problems.send(context.response(), RequestIds.of(request), "not-found", "Not found", 404,
                    "No Tally API lives at " + request.path(), request.path());
        }
    }

    private void proxy(RoutingContext context, Map<Upstream, HttpProxy> byUpstream) {
        HttpServerRequest request = context.request();
        if (RouteTable.isOwn(request.path())) {
            context.next(); // the gateway's own REST resources
            return;
        }
        Optional<Upstream> upstream = routeTable.resolve(request.path());
        byUpstream.get(upstream.orElseThrow()).handle(request);
    }
}
