package io.tally.support.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import io.quarkus.runtime.Startup;

/**
 * Verifies bearer tokens (signed JWTs) against the trusted issuers of {@link AuthConfig}: the token's {@code iss}
 * picks the issuer, whose keys must verify an asymmetric signature ({@code RS*}, {@code PS*} or {@code ES*};
 * {@code none} and HMAC are refused), and {@code exp} must lie ahead. Verification may block once per key set while an
 * issuer's JWKS URL is fetched, so call it off the event loop. Created at start, so a service without a trusted issuer,
 * or (in production) whose OIDC issuer has no audience, does not start.
 */
@Startup
@Singleton
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    /** Signature algorithms accepted: asymmetric only, so no shared secret can forge a token. */
    static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);

    /** Reads claims without judging them, only to find the token's issuer. */
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    private record Trusted(JwtConsumer consumer, String[] rolesPath) {
    }

    private final Map<String, Trusted> byIssuer = new HashMap<>();

    TokenVerifier(AuthConfig config) {
        config.issuers().forEach((name, issuer) -> {
            if (issuer.jwks().isEmpty() || issuer.jwks().get().isBlank()) {
                LOG.debugf("Token issuer %s has no JWKS configured; its tokens are not accepted", name);
                return;
            }
            String iss = issuer.issuer().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "tally.auth.issuers." + name + ".issuer is required when its jwks is set"));
            if (issuer.audienceRequired() && issuer.audience().filter(a -> !a.isBlank()).isEmpty()) {
                throw new IllegalStateException("No token audience is configured for issuer " + iss + ": set "
                        + "TALLY_OIDC_AUDIENCE (tally.auth.issuers." + name + ".audience) to the audience its tokens "
                        + "name for Tally (e.g. tally); without it a token the issuer made for any other application "
                        + "would be accepted. See the README's security section");
            }
            byIssuer.put(iss, new Trusted(consumer(iss, issuer, config), issuer.rolesClaim().split("/")));
        });
        if (byIssuer.isEmpty()) {
            throw new IllegalStateException("No token issuer is configured: set TALLY_OIDC_ISSUER and TALLY_OIDC_JWKS "
                    + "(tally.auth.issuers.oidc.issuer and .jwks), see the README's security section");
        }
    }

    /** The caller a token names, once its issuer, signature and lifetime check out. */
    public VerifiedToken verify(String token) throws InvalidTokenException {
        JwtContext context;
        String issuer;
        try {
            context = UNVERIFIED.process(token);
            issuer = context.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new InvalidTokenException("the bearer token is not a well-formed JWT");
        }
        Trusted trusted = issuer == null ? null : byIssuer.get(issuer);
        if (trusted == null) {
            throw new InvalidTokenException("the bearer token's issuer is not trusted");
        }
        try {
            trusted.consumer().processContext(context);
            JwtClaims claims = context.getJwtClaims();
            String name = claims.getClaimValueAsString("preferred_username");
            return new VerifiedToken(name != null ? name : claims.getSubject(), issuer,
                    roles(claims, trusted.rolesPath()), Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(e.hasExpired()
                    ? "the bearer token has expired"
                    : "the bearer token's signature or claims are not valid");
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("the bearer token's claims are malformed");
        }
    }

    private static JwtConsumer consumer(String iss, AuthConfig.Issuer issuer, AuthConfig config) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder().setExpectedIssuer(iss).setRequireExpirationTime()
                .setRequireSubject().setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setJwsAlgorithmConstraints(ALGORITHMS);
        issuer.audience().filter(a -> !a.isBlank()).ifPresentOrElse(builder::setExpectedAudience,
                builder::setSkipDefaultAudienceValidation);
        String jwks = issuer.jwks().orElseThrow().trim();
        if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwks)));
        } else {
            String content = read(Path.of(jwks.startsWith("file:") ? jwks.substring("file:".length()) : jwks));
            if (content.contains("-----BEGIN PUBLIC KEY-----")) {
                builder.setVerificationKey(pemPublicKey(content));
            } else {
                try {
                    builder.setVerificationKeyResolver(
                            new JwksVerificationKeyResolver(new JsonWebKeySet(content).getJsonWebKeys()));
                } catch (JoseException e) {
                    throw new IllegalStateException("Not a JWK set: " + jwks, e);
                }
            }
        }
        return builder.build();
    }

    private static Set<Role> roles(JwtClaims claims, String[] path) {
        Object value = claims.getClaimsMap();
        for (String step : path) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Collection<?> names = value instanceof Collection<?> list
                ? list
                : value instanceof String text ? List.of(text.split(" ")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            if (name instanceof String claim) {
                Role.fromClaim(claim).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token keys at " + file, e);
        }
    }

    private static PublicKey pemPublicKey(String pem) {
        byte[] der = Pem.decode(pem);
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalStateException("The PEM public key is neither RSA nor EC");
    }
}
