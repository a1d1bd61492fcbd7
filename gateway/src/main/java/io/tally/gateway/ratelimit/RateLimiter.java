package io.tally.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.tally.gateway.config.GatewayConfig;
import io.tally.gateway.routing.GatewayStage;
import io.tally.gateway.routing.RouteTable;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.ProblemResponses;
import io.tally.support.security.AccessControl;
import io.tally.support.security.BearerTokenIdentityProvider;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Rate limits per route group and caller (Bucket4j token buckets): each admitted {@code /api/v1} request takes a token
 * from its caller's bucket for the group; an empty bucket answers {@code 429} with {@code Retry-After}. Every answer
 * carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is
 * full again). Buckets live in this gateway's memory: with several replicas, each enforces the limit on its own share.
 */
@Singleton
public class RateLimiter {

    /** Callers remembered at most; a bucket unused for two periods is forgotten (it would be full again anyway). */
    private static final long MAX_BUCKETS = 100_000;

    private record Group(String name, List<String> prefixes, long capacity, Duration period) {
    }

    private final List<Group> groups = new ArrayList<>();
    private final Cache<String, Bucket> buckets;
    private final ProblemResponses problems;

    RateLimiter(GatewayConfig config, ProblemResponses problems) {
        this.problems = problems;
        Duration longest = Duration.ofMinutes(1);
        for (Map.Entry<String, GatewayConfig.RateLimit> entry : config.rateLimits().entrySet()) {
            GatewayConfig.RateLimit limit = entry.getValue();
            if (limit.capacity() < 1 || limit.period().isZero() || limit.period().isNegative()) {
                throw new IllegalStateException("tally.gateway.rate-limits." + entry.getKey()
                        + " needs a capacity of at least 1 and a positive period");
            }
            List<String> prefixes = limit.paths().stream().map(String::strip)
                    .map(prefix -> prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix).toList();
            groups.add(new Group(entry.getKey(), prefixes, limit.capacity(), limit.period()));
            longest = limit.period().compareTo(longest) > 0 ? limit.period() : longest;
        }
        buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(longest.multipliedBy(2)).build();
    }

    void install(@Observes Router router) {
        GatewayStage.RATE_LIMIT.route(router, RouteTable.API_ROOT + "/*").handler(this::limit);
    }

    private void limit(RoutingContext context) {
        String path = context.request().path();
        Optional<Group> group = groupOf(path);
        if (group.isEmpty()) {
            context.next();
            return;
        }
        Group g = group.get();
        Bucket bucket = buckets.get(g.name() + "|" + caller(context), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(g.capacity()).refillGreedy(g.capacity(), g.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        HttpServerResponse response = context.response();
        long remaining = probe.getRemainingTokens();
        response.putHeader("RateLimit-Limit", String.valueOf(g.capacity()));
        response.putHeader("RateLimit-Remaining", String.valueOf(remaining));
        response.putHeader("RateLimit-Reset", String.valueOf(secondsUntilFull(g, remaining)));
        response.putHeader("RateLimit-Policy", g.capacity() + ";w=" + g.period().toSeconds());
        if (probe.isConsumed()) {
            context.next();
        } else {
            long retryAfter = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
            response.putHeader("Retry-After", String.valueOf(retryAfter));
            problems.send(response, RequestIds.of(context.request()), "rate-limited", "Too many requests", 429,
                    "More than " + g.capacity() + " requests in " + g.period().toSeconds() + " s to "
                            + g.name() + "; retry after " + retryAfter + " s",
                    path);
        }
    }

    private Optional<Group> groupOf(String path) {
        Group best = null;
        int bestLength = -1;
        for (Group group : groups) {
            for (String prefix : group.prefixes()) {
                if (RouteTable.covers(prefix, path) && prefix.length() > bestLength) {
                    best = group;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Who is calling: the verified token's issuer and name, else the client address. */
    static String caller(RoutingContext context) {
        SecurityIdentity identity = context.get(AccessControl.CALLER);
        if (identity != null && !identity.isAnonymous()) {
            return "sub:" + identity.getAttribute(BearerTokenIdentityProvider.ISSUER) + "|"
                    + identity.getPrincipal().getName();
        }
        SocketAddress remote = context.request().remoteAddress();
        return "ip:" + (remote == null ? "unknown" : remote.hostAddress());
    }

    private static long secondsUntilFull(Group group, long remaining) {
        long missing = group.capacity() - remaining;
        return missing <= 0 ? 0 : ceilSeconds(group.period().toNanos() / group.capacity() * missing);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

}
