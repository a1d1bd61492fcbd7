package io.tally.gateway.openapi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.tally.gateway.routing.ProxyFactory;
import io.tally.gateway.routing.Upstream;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.ProblemResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/** Serves each service's OpenAPI document at {@code /openapi/<service>}, proxied from the service itself. */
@Singleton
public class OpenApiRoutes {

    /** Where the gateway serves the documents; Swagger UI lists {@code /openapi/campaign} and its siblings. */
    public static final String ROOT = "/openapi";

    /** Where every Quarkus service serves its own document, as JSON. */
    static final String UPSTREAM_DOCUMENT = "/q/openapi?format=json";

    private final ProxyFactory proxies;
    private final ProblemResponses problems;

    OpenApiRoutes(ProxyFactory proxies, ProblemResponses problems) {
        this.proxies = proxies;
        this.problems = problems;
    }

    void init(@Observes Router router) {
        Map<Upstream, HttpProxy> documents = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            documents.put(upstream, proxies.fixed(upstream, UPSTREAM_DOCUMENT));
        }
        router.get(ROOT + "/:service").handler(context -> serve(context, documents));
    }

    private void serve(RoutingContext context, Map<Upstream, HttpProxy> documents) {
        Optional<Upstream> upstream = Upstream.byServiceName(context.pathParam("service"));
        if (upstream.isPresent()) {
            documents.get(upstream.get()).handle(context.request());
        } else {
            problems.send(context.response(), RequestIds.of(context.request()), "not-found", "Not found", 404,
                    "No OpenAPI document is served at " + context.request().path(), context.request().path());
        }
    }
}
