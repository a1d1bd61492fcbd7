package io.tally.gateway.routing;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.tally.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The one pooled, non-blocking HTTP client the gateway uses to reach the upstreams. */
@Singleton
public class UpstreamClient {

    private final HttpClient client;

    UpstreamClient(Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                // bodies pass through as the upstream encoded them
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream());
        this.client = vertx.createHttpClient(options, pool);
    }

    /** The shared client. */
    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
