package io.tally.gateway.apikeys;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.security.identity.SecurityIdentity;
import io.tally.gateway.config.GatewayConfig;
import io.tally.gateway.routing.GatewayStage;
import io.tally.gateway.routing.RouteTable;
import io.tally.support.http.RequestIds;
import io.tally.support.problem.ProblemResponses;
import io.tally.support.security.AccessControl;
import io.tally.support.security.TokenSigner;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps API keys at the gateway: the {@code X-API-Key} header never reaches a service. A call admitted by an API key
 * goes on with a short-lived bearer token the gateway signs itself (issuer {@code tally.gateway.api-keys.issuer}), naming
 * the key and its roles, which the services verify like any other token.
 */
@Singleton
public class ApiKeyForwarding {

    private final Optional<TokenSigner> signer;
    private final GatewayConfig config;
    private final ProblemResponses problems;

    ApiKeyForwarding(GatewayConfig config, ProblemResponses problems) {
        this.config = config;
        this.problems = problems;
        this.signer = config.apiKeys().signingKey().filter(path -> !path.isBlank())
                .map(path -> TokenSigner.fromPrivateKeyFile(config.apiKeys().issuer(), java.nio.file.Path.of(path)));
    }

    void install(@Observes Router router) {
        GatewayStage.API_KEY_FORWARDING.route(router, RouteTable.API_ROOT + "/*").handler(this::forward);
    }

    private void forward(RoutingContext context) {
        MultiMap headers = context.request().headers();
        headers.remove(ApiKeyMechanism.HEADER);
        SecurityIdentity caller = context.get(AccessControl.CALLER);
        if (caller == null || caller.getAttribute(ApiKeyIdentityProvider.KEY_ID) == null) {
            context.next();
            return;
        }
        if (signer.isEmpty()) {
            problems.send(context.response(), RequestIds.of(context.request()), "api-keys-unavailable",
                    "API keys unavailable", 503, "The gateway has no signing key for API-key calls "
                            + "(TALLY_GATEWAY_SIGNING_KEY); use a bearer token",
                    context.request().path());
            return;
        }
        headers.set("Authorization", "Bearer " + signer.get().sign(caller.getPrincipal().getName(),
                AccessControl.roles(caller), config.apiKeys().tokenLifetime()));
        context.next();
    }
}
