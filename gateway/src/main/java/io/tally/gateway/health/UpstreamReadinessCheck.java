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
import io.tally.gateway.routing.UpstreamInstances;
import io.tally.gateway.routing.UpstreamTarget;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;

/**
 * Ready only when every upstream has an instance whose own readiness endpoint answers 200; reports each upstream's
 * state. An upstream with several instances is {@code UP} while one of them is (the gateway sends requests to the ready
 * ones), and its state says how many are: {@code UP (1 of 2 instances ready)}.
 */
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
    private final List<UpstreamInstances> upstreams = new ArrayList<>();

    UpstreamReadinessCheck(UpstreamClient client, GatewayConfig config, ProxyFactory proxies) {
        this.client = client;
        this.config = config;
        for (Upstream upstream : Upstream.values()) {
            upstreams.add(proxies.instances(upstream));
        }
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String>> probes = upstreams.stream().map(this::state).toList();
        return Uni.join().all(probes).andFailFast().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
            boolean allUp = true;
            for (int i = 0; i < upstreams.size(); i++) {
                response.withData(upstreams.get(i).upstream().serviceName(), states.get(i));
                allUp &= states.get(i).startsWith(UP);
            }
            return response.status(allUp).build();
        });
    }

    /**
     * One upstream's state: with one instance, that instance's; with several, {@code UP} when all are ready,
     * {@code UP (n of m instances ready)} when some are, else {@code DOWN (none of m instances ready)}.
     */
    private Uni<String> state(UpstreamInstances instances) {
        List<Uni<String>> probes = instances.targets().stream().map(this::probe).toList();
        return Uni.join().all(probes).andFailFast().map(states -> {
            if (states.size() == 1) {
                return states.get(0);
            }
            long ready = states.stream().filter(UP::equals).count();
            if (ready == states.size()) {
                return UP;
            }
            return ready > 0
                    ? UP + " (" + ready + " of " + states.size() + " instances ready)"
                    : "DOWN (none of " + states.size() + " instances ready)";
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
