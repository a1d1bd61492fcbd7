package io.tally.support.http;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.tally.support.problem.ProblemResponses;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses every request whose path is not {@link CanonicalPaths canonical} with {@code 400} problem+json, before any
 * route, access rule or REST resource sees it. Installed in the gateway and in every service, so the path an access
 * rule is decided on is the path the router dispatches on. A query string that does not decode, or a query parameter
 * whose name or value holds a control character, is refused the same way: no identifier, code, date or number has
 * one, and PostgreSQL refuses NUL in text.
 */
@Singleton
public class PathGuard {

    /**
     * Before every application route, after Quarkus' own access log, header and CORS handlers. The gateway's handlers
     * are placed around this order and {@code AccessControl.ORDER} in one declared sequence, its {@code GatewayStage}.
     */
    public static final int ORDER = Integer.MIN_VALUE + 100;

    private final ProblemResponses problems;

    PathGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    private void guard(RoutingContext context) {
        var problem = CanonicalPaths.requestProblem(context.request().path());
        if (problem.isPresent()) {
            problems.send(context.response(), RequestIds.of(context.request()), "invalid-path", "Invalid path", 400,
                    "The path is not in canonical form: " + problem.get(), null);
            return;
        }
        Optional<String> query = queryProblem(context.request());
        if (query.isPresent()) {
            problems.send(context.response(), RequestIds.of(context.request()), "invalid-query", "Invalid query", 400,
                    query.get(), null);
            return;
        }
        context.next();
    }

    private static Optional<String> queryProblem(HttpServerRequest request) {
        if (request.query() == null) {
            return Optional.empty();
        }
        MultiMap params;
        try {
            params = request.params();
        } catch (RuntimeException e) {
            return Optional.of("The query string is not well-formed percent-encoding");
        }
        for (Map.Entry<String, String> param : params) {
            if (hasControlCharacter(param.getKey()) || hasControlCharacter(param.getValue())) {
                return Optional.of("The query parameter '" + printable(param.getKey())
                        + "' holds a control character");
            }
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    private static String printable(String name) {
        String cleaned = name.chars().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 50 ? cleaned.substring(0, 50) + "…" : cleaned;
    }
}
