package io.tally.gateway.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * Installs the gateway's body limit, unknown-path and proxy routes, each at its {@link GatewayStage}: bodies over the
 * limit answer 413, unknown {@code /api/v1} paths 404, and each owned path is proxied to its upstream.
 */
@Singleton
public class ApiRoutes {

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
        GatewayStage.BODY_LIMIT.route(router, null).handler(this::limitBody);
        GatewayStage.UNOWNED.route(router, RouteTable.API_ROOT + "/*").handler(this::notFoundUnlessOwned);
        GatewayStage.PROXY.route(router, RouteTable.API_ROOT + "/*").handler(context -> proxy(context, byUpstream));
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
