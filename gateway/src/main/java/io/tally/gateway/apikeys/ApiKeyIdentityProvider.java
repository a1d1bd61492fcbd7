package io.tally.gateway.apikeys;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tally.support.security.BearerTokenIdentityProvider;

/** An active API key's identity: {@code api-key:<name>} with the key's roles. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** The identity attribute holding the key's id; present only on API-key identities. */
    public static final String KEY_ID = "tally.api-key-id";
    /** What stands for the issuer of API-key identities (rate limits count per issuer and name). */
    static final String ISSUER = "tally-api-key";

    private final ApiKeys keys;

    ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiKey key = keys.authenticate(request.value())
                    .orElseThrow(() -> new AuthenticationFailedException("the API key is unknown or revoked"));
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-key:" + key.getName()))
                    .addAttribute(KEY_ID, key.getId().toString())
                    .addAttribute(BearerTokenIdentityProvider.ISSUER, ISSUER);
            key.getRoles().forEach(role -> identity.addRole(role.claim()));
            return identity.build();
        });
    }
}
