package io.tally.gateway.security;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.tally.gateway.config.GatewayConfig;
import io.tally.gateway.routing.GatewayStage;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.ProblemResponses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;

/**
 * CORS for the web collector only: shop pages on the configured origins (exact {@code scheme://host[:port]}) may send
 * beacons from the browser (Vert.x {@link CorsHandler} answers their preflights and adds the CORS headers); a preflight
 * or call carrying any other {@code Origin} is refused with a {@code 403} problem. Calls without {@code Origin} (servers,
 * the pixel as an image) pass. No other route answers cross-origin calls.
 */
@Singleton
public class CollectorCors {

    private final GatewayConfig config;
    private final ProblemResponses problems;

    CollectorCors(GatewayConfig config, ProblemResponses problems) {
        this.config = config;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        List<String> origins = config.collector().allowedOrigins().orElse(List.of()).stream()
                .filter(origin -> !origin.isBlank()).toList();
        CorsHandler cors = origins.isEmpty()
                ? null
                : CorsHandler.create()
                        .addOrigins(origins)
                        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
                        .allowedHeaders(Set.of("Content-Type", "X-Request-Id"))
                        .exposedHeaders(Set.of("X-Request-Id", "Retry-After"))
                        .maxAgeSeconds(86_400);
        Handler<RoutingContext> handler = context -> {
            String origin = context.request().getHeader("Origin");
            if (origin != null && !origins.contains(origin)) {
                problems.send(context.response(), RequestIds.of(context.request()), "cross-origin-refused",
                        "Cross-origin call refused", 403, "Pages on " + origin + " may not call the collector",
                        context.request().path());
            } else if (origin != null) {
                cors.handle(context);
            } else {
                context.next();
            }
        };
        GatewayStage.CORS.route(router, "/api/v1/collect").handler(handler);
        GatewayStage.CORS.route(router, "/api/v1/collect/*").handler(handler);
    }
}
