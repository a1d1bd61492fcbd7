package io.tally.gateway.routing;

import jakarta.inject.Singleton;

import io.tally.gateway.config.GatewayConfig;
import io.tally.support.problem.ProblemResponses;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/** Builds Vert.x reverse proxies to one upstream, sharing the gateway's client, timeouts and problem handling. */
@Singleton
public class ProxyFactory {

    private final UpstreamClient client;
    private final GatewayConfig config;
    private final ProblemResponses problems;

    ProxyFactory(UpstreamClient client, GatewayConfig config, ProblemResponses problems) {
        this.client = client;
        this.config = config;
        this.problems = problems;
    }

    /** A proxy forwarding each request's own method, path, query, headers and streamed body to {@code upstream}. */
    public HttpProxy forwarding(Upstream upstream) {
        return create(upstream, null);
    }

    /** A proxy asking {@code upstream} for the fixed {@code uri} (path and query) whatever path was requested. */
    public HttpProxy fixed(Upstream upstream, String uri) {
        return create(upstream, uri);
    }

    /** Where {@code upstream} lives. */
    public UpstreamTarget target(Upstream upstream) {
        return UpstreamTarget.of(upstream, upstream.baseUrl(config));
    }

    private HttpProxy create(Upstream upstream, String fixedUri) {
        UpstreamTarget target = target(upstream);
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client.client())
                .origin(context -> context.client().request(target.requestOptions(context.request().getMethod(),
                        context.request().getURI(), config.connectTimeout(), config.timeout())))
                .addInterceptor(new ForwardingInterceptor(target, fixedUri, problems, config.timeout()));
    }
}
