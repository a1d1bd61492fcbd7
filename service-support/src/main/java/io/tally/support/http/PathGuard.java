package io.tally.support.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.tally.support.problem.ProblemResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses every request whose path is not {@link CanonicalPaths canonical} with {@code 400} problem+json, before any
 * route, access rule or REST resource sees it. Installed in the gateway and in every service, so the path an access
 * rule is decided on is the path the router dispatches on.
 */
@Singleton
public class PathGuard {

    /** Before every application route, after Quarkus' own access log, header and CORS handlers. */
    public static final int ORDER = Integer.MIN_VALUE + 100;

    private final ProblemResponses problems;

    PathGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    private void guard(RoutingContext context) {
        var problem = CanonicalPaths.problem(context.request().path());
        if (problem.isPresent()) {
            problems.send(context.response(), RequestIds.of(context.request()), "invalid-path", "Invalid path", 400,
                    "The path is not in canonical form: " + problem.get(), null);
        } else {
            context.next();
        }
    }
}
