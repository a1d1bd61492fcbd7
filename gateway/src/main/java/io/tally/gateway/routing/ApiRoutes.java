package io.tally.gateway.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/** Installs the path guard and the {@code /api/v1} routes, each owned path proxied to its upstream. */
@Singleton
public class ApiRoutes {

    /** Before every other application route, after Quarkus' access log, header and CORS handlers. */
    static final int PATH_GUARD_ORDER = Integer.MIN_VALUE + 100;

    private final RouteTable routeTable;
    private final ProxyFactory proxies;
    private final Problems problems;

    ApiRoutes(RouteTable routeTable, ProxyFactory proxies, Problems problems) {
        this.routeTable = routeTable;
        this.proxies = proxies;
        this.problems = problems;
    }

    void init(@Observes Router router) {
        Map<Upstream, HttpProxy> byUpstream = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            byUpstream.put(upstream, proxies.forwarding(upstream));
        }
        router.route().order(PATH_GUARD_ORDER).handler(this::guard);
        router.route(RouteTable.API_ROOT + "/*").handler(context -> proxy(context, byUpstream));
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (PathGuard.isSafe(request.path())) {
            context.next();
        } else {
            problems.send(context.response(), RequestIds.of(request), "invalid-path", "Invalid path", 400,
                    "Dot segments and encoded slashes, dots or backslashes are not allowed in the path", null);
        }
    }

    private void proxy(RoutingContext context, Map<Upstream, HttpProxy> byUpstream) {
        HttpServerRequest request = context.request();
        Optional<Upstream> upstream = routeTable.resolve(request.path());
        if (upstream.isPresent()) {
            byUpstream.get(upstream.get()).handle(request);
        } else {
            problems.send(context.response(), RequestIds.of(request), "not-found", "Not found", 404,
                    "No Tally API lives at " + request.path(), request.path());
        }
    }
}
