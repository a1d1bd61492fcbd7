package io.tally.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tally.gateway.config.GatewayConfig;
import io.tally.support.http.CanonicalPaths;

/** Maps a request path under {@code /api/v1} to the upstream that owns it (longest prefix wins). */
@ApplicationScoped
public class RouteTable {

    /** The only path space the gateway proxies. */
    public static final String API_ROOT = "/api/v1";

    /** Paths under {@link #API_ROOT} the gateway serves itself (each prefix and everything below it). */
    public static final List<String> OWN = List.of("/api/v1/api-keys");

    private final List<Route> routes;

    RouteTable(GatewayConfig config) {
        List<Route> all = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            for (String prefix : upstream.prefixes(config)) {
                all.add(new Route(checked(upstream, prefix), upstream));
            }
        }
        all.sort(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed());
        this.routes = List.copyOf(all);
    }

    /** The upstream owning {@code path} (a raw request path, without query), if any. */
    public Optional<Upstream> resolve(String path) {
        for (Route route : routes) {
            if (covers(route.prefix(), path)) {
                return Optional.of(route.upstream());
            }
        }
        return Optional.empty();
    }

    /** Whether the gateway itself serves {@code path}. */
    public static boolean isOwn(String path) {
        return OWN.stream().anyMatch(prefix -> covers(prefix, path));
    }

    /** Whether {@code prefix} (no trailing slash) covers {@code path}: itself and everything below it. */
    public static boolean covers(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String checked(Upstream upstream, String prefix) {
        String trimmed = prefix.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.startsWith(API_ROOT + "/") || !CanonicalPaths.isCanonical(trimmed)) {
            throw new IllegalArgumentException("tally.gateway.routes." + upstream.serviceName() + ": prefix '"
                    + prefix + "' must be a plain path below " + API_ROOT + "/");
        }
        return trimmed;
    }

    private record Route(String prefix, Upstream upstream) {
    }
}
