package io.tally.gateway.routing;

import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Singleton;

import io.tally.gateway.config.GatewayConfig;
import io.tally.support.problem.ProblemResponses;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/**
 * Builds Vert.x reverse proxies to one upstream, sharing the gateway's client, timeouts and problem handling, and each
 * upstream's instances and their rotation.
 */
@Singleton
public class ProxyFactory {

    private final UpstreamClient client;
    private final GatewayConfig config;
    private final ProblemResponses problems;
    private final Map<Upstream, UpstreamInstances> instances = new EnumMap<>(Upstream.class);

    ProxyFactory(UpstreamClient client, GatewayConfig config, ProblemResponses problems) {
        this.client = client;
        this.config = config;
        this.problems = problems;
        for (Upstream upstream : Upstream.values()) {
            instances.put(upstream, new UpstreamInstances(upstream, upstream.baseUrls(config), config.outOfRotation(),
                    System::nanoTime));
        }
    }

    /** A proxy forwarding each request's own method, path, query, headers and streamed body to {@code upstream}. */
    public HttpProxy forwarding(Upstream upstream) {
        return create(upstream, null);
    }

    /** A proxy asking {@code upstream} for the fixed {@code uri} (path and query) whatever path was requested. */
    public HttpProxy fixed(Upstream upstream, String uri) {
        return create(upstream, uri);
    }

    /** Where {@code upstream}'s instances live, and which are in the rotation (shared by every proxy to it). */
    public UpstreamInstances instances(Upstream upstream) {
        return instances.get(upstream);
    }

    private HttpProxy create(Upstream upstream, String fixedUri) {
        FailoverOrigin origin = new FailoverOrigin(instances(upstream), config.connectTimeout(), config.timeout());
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client.client())
                .origin(origin)
                .addInterceptor(new ForwardingInterceptor(origin, fixedUri, problems, config.timeout()));
    }
}
