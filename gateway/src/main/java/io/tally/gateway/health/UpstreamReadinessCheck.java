package io.tally.gateway.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.tally.gateway.config.GatewayConfig;
import io.tally.gateway.routing.ProxyFactory;
import io.tally.gateway.routing.Upstream;
import io.tally.gateway.routing.UpstreamClient;
import io.tally.gateway.routing.UpstreamFailures;
import io.tally.gateway.routing.UpstreamTarget;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;

/** Ready only when every upstream's own readiness endpoint answers 200; reports each upstream's state. */
@Readiness
@ApplicationScoped
public class UpstreamReadinessCheck implements AsyncHealthCheck {

    /** The check's name in {@code /q/health/ready}. */
    static final String NAME = "upstreams";

    /** Where every Quarkus service reports its readiness. */
    static final String READY_PATH = "/q/health/ready";

    static final String UP = "UP";

    private final UpstreamClient client;
    private final GatewayConfig config;
    private final List<UpstreamTarget> targets = new ArrayList<>();

    UpstreamReadinessCheck(UpstreamClient client, GatewayConfig config, ProxyFactory proxies) {
        this.client = client;
        this.config = config;
        for (Upstream upstream : Upstream.values()) {
            targets.add(proxies.target(upstream));
        }
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String>> probes = targets.stream().map(this::probe).toList();
        return Uni.join().all(probes).andFailFast().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
            boolean allUp = true;
            for (int i = 0; i < targets.size(); i++) {
                response.withData(targets.get(i).upstream().serviceName(), states.get(i));
                allUp &= UP.equals(states.get(i));
            }
            return response.status(allUp).build();
        });
    }

    private Uni<String> probe(UpstreamTarget target) {
        Future<String> state = client.client()
                .request(target.requestOptions(HttpMethod.GET, target.forwardedUri(READY_PATH),
                        config.readinessTimeout(), config.readinessTimeout()))
                .compose(HttpClientRequest::send)
                .compose(response -> response.body()
                        .map(ignored -> response.statusCode() == 200
                                ? UP
                                : "DOWN (HTTP " + response.statusCode() + ")"))
                .otherwise(failure -> UpstreamFailures.isTimeout(failure) ? "DOWN (timeout)" : "DOWN (unreachable)");
        return Uni.createFrom().completionStage(state.toCompletionStage());
    }
}
