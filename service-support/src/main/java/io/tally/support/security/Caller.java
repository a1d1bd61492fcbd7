package io.tally.support.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as audit entries name them: the token's {@code preferred_username}, else its {@code sub} (the
 * identity {@link BearerTokenIdentityProvider} makes); a call the gateway admitted with an API key arrives with a
 * token for {@code api-key:<name>}. Outside a request, or without a token, the actor is {@value #SYSTEM}.
 */
@ApplicationScoped
public class Caller {

    /** The actor of a change made outside an authenticated API request (a job, a consumer). */
    public static final String SYSTEM = "system";

    @Inject
    Instance<SecurityIdentity> identity;

    /** The caller's name for an audit entry. */
    public String name() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity caller = identity.get();
        return caller.isAnonymous() ? SYSTEM : caller.getPrincipal().getName();
    }
}
