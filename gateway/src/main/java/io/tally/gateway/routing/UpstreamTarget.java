package io.tally.gateway.routing;

import java.net.URI;
import java.time.Duration;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Where one upstream lives, parsed once from its base URL.
 *
 * @param upstream the service
 * @param host its host name
 * @param port its port (the scheme's default when the URL has none)
 * @param ssl whether it speaks HTTPS
 * @param basePath a path prefix put before every forwarded path, empty for none
 */
public record UpstreamTarget(Upstream upstream, String host, int port, boolean ssl, String basePath) {

    /** Parses a base URL such as {@code http://campaign-service:8081}. */
    public static UpstreamTarget of(Upstream upstream, URI baseUrl) {
        String scheme = baseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "tally.gateway.upstreams." + upstream.serviceName() + " must be an http(s) URL with a host");
        }
        boolean ssl = "https".equalsIgnoreCase(scheme);
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : ssl ? 443 : 80;
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new UpstreamTarget(upstream, baseUrl.getHost(), port, ssl, path);
    }

    /** Options for a request to {@code uri} (an absolute path and query, see {@link #forwardedUri}) on this upstream. */
    public RequestOptions requestOptions(HttpMethod method, String uri, Duration connectTimeout,
            Duration idleTimeout) {
        return new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(uri)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(idleTimeout.toMillis());
    }

    /** The path and query to ask the upstream for: the base path put before {@code uri}. */
    public String forwardedUri(String uri) {
        return basePath + uri;
    }
}
