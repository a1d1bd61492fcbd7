package io.tally.support.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.ProblemResponses;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Enforces {@link AccessRules} on every {@code /api/v1} request, in the gateway and again in each service: an open
 * operation passes; otherwise a caller without a valid token gets {@code 401} and one without a permitted role
 * {@code 403}, both {@code application/problem+json}.
 */
@Singleton
public class AccessControl {

    /**
     * After Quarkus' authentication setup and the {@code PathGuard}, before any API route or REST resource. The
     * gateway's handlers are placed around this order and {@code PathGuard.ORDER} in one declared sequence, its
     * {@code GatewayStage}.
     */
    public static final int ORDER = 500;

    /** The routing-context key under which an admitted caller's {@link SecurityIdentity} is kept for later handlers. */
    public static final String CALLER = "tally.caller";

    private static final Logger LOG = Logger.getLogger(AccessControl.class);

    private final ProblemResponses problems;

    AccessControl(ProblemResponses problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/api/v1/*").order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        // the path the router dispatches on; PathGuard has refused every path with a second spelling before this
        Optional<AccessRule> rule = AccessRules.ruleFor(request.method().name(), context.normalizedPath());
        if (rule.isPresent() && rule.get().open()) {
            context.next();
            return;
        }
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            refuse(context, 401, "unauthenticated", "Unauthenticated", "A bearer token is required");
            return;
        }
        // Quarkus reports a failed authentication to this handler (instead of its own bare 401)
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER,
                (BiConsumer<RoutingContext, Throwable>) (ctx, failure) -> unauthenticated(ctx, failure));
        Context requestContext = Vertx.currentContext();
        identity.emitOn(task -> requestContext.runOnContext(ignored -> task.run()))
                .subscribe()
                .with(caller -> decide(context, rule, caller), failure -> unauthenticated(context, failure));
    }

    private void unauthenticated(RoutingContext context, Throwable failure) {
        HttpServerRequest request = context.request();
        String reason = failure instanceof AuthenticationFailedException && failure.getMessage() != null
                ? failure.getMessage()
                : "the credentials could not be verified";
        if (!(failure instanceof AuthenticationFailedException)) {
            LOG.warnf(failure, "Authenticating %s %s failed", request.method(), request.path());
        }
        refuse(context, 401, "unauthenticated", "Unauthenticated", "Not authenticated: " + reason);
    }

    private void decide(RoutingContext context, Optional<AccessRule> rule, SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous()) {
            refuse(context, 401, "unauthenticated", "Unauthenticated", "A bearer token is required");
        } else if (rule.isEmpty()) {
            refuse(context, 403, "forbidden", "Forbidden", "No role may call " + context.request().method() + " "
                    + context.request().path());
        } else if (!rule.get().allows(roles(caller))) {
            refuse(context, 403, "forbidden", "Forbidden",
                    "This operation needs one of the roles " + claims(rule.get().roles()));
        } else {
            context.put(CALLER, caller);
            context.next();
        }
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        if (context.response().ended()) {
            return;
        }
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", BearerTokenMechanism.SCHEME);
        }
        problems.send(context.response(), RequestIds.of(context.request()), slug, title, status, detail,
                context.request().path());
    }

    /** The Tally roles of an identity. */
    public static Set<Role> roles(SecurityIdentity identity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : identity.getRoles()) {
            Role.fromClaim(name).ifPresent(roles::add);
        }
        return roles;
    }

    private static String claims(Set<Role> roles) {
        return String.join(", ", EnumSet.copyOf(roles).stream().map(Role::claim).toList());
    }
}
