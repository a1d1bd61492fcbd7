package io.tally.support.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a verified bearer token into the caller's identity: its name, Tally roles and issuer. */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The identity attribute holding the token's issuer. */
    public static final String ISSUER = "tally.issuer";

    private final TokenVerifier verifier;

    BearerTokenIdentityProvider(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            try {
                VerifiedToken token = verifier.verify(request.getToken().getToken());
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(token.name()))
                        .addCredential(request.getToken())
                        .addAttribute(ISSUER, token.issuer());
                token.roles().forEach(role -> identity.addRole(role.claim()));
                return identity.build();
            } catch (InvalidTokenException e) {
                throw new AuthenticationFailedException(e.getMessage());
            }
        });
    }
}
