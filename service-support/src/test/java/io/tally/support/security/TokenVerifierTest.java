package io.tally.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TokenVerifierTest {

    private static final TokenSigner SIGNER = TokenSigner.generate("https://idp.example/realms/tally");

    @TempDir
    Path keys;

    @Test
    void aTokenOfTheTrustedIssuerNamesTheCallerAndTheirTallyRoles() throws Exception {
        VerifiedToken token = verifier(jwks(), "groups")
                .verify(SIGNER.sign("mia", List.of(Role.MARKETER, Role.ANALYST), Duration.ofMinutes(5)));
        assertThat(token.name()).isEqualTo("mia");
        assertThat(token.issuer()).isEqualTo(SIGNER.issuer());
        assertThat(token.roles()).containsExactlyInAnyOrder(Role.MARKETER, Role.ANALYST);
    }

    @Test
    void rolesAreFoundAlongANestedClaimPathAndUnknownRolesAreIgnored() throws Exception {
        JwtClaims claims = claims(Duration.ofMinutes(5));
        claims.setClaim("realm_access", Map.of("roles", List.of("finance", "offline_access", "uma_authorization")));
        VerifiedToken token = verifier(jwks(), "realm_access/roles").verify(SIGNER.sign(claims));
        assertThat(token.roles()).containsExactly(Role.FINANCE);
    }

    @Test
    void aPemPublicKeyFileWorksLikeAJwkSet() throws Exception {
        Path pem = Files.writeString(keys.resolve("public.pem"), SIGNER.publicKeyPem());
        assertThat(verifier(pem, "groups").verify(SIGNER.sign("a", List.of(Role.ADMIN), Duration.ofMinutes(1)))
                .roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aSignerReadBackFromItsPrivateKeyPemSignsTokensTheSameJwkSetVerifies() throws Exception {
        Path privateKey = Files.writeString(keys.resolve("signing.pem"), SIGNER.privateKeyPem());
        TokenSigner reloaded = TokenSigner.fromPrivateKeyFile(SIGNER.issuer(), privateKey);
        assertThat(reloaded.jwks()).isEqualTo(SIGNER.jwks());
        assertThat(verifier(jwks(), "groups").verify(reloaded.sign("k", List.of(Role.INGEST), Duration.ofMinutes(1)))
                .roles()).containsExactly(Role.INGEST);
    }

    @Test
    void anExpiredTokenIsRefused() throws IOException {
        TokenVerifier verifier = verifier(jwks(), "groups");
        String expired = SIGNER.sign("mia", List.of(Role.ADMIN), Duration.ofMinutes(-5));
        assertThatThrownBy(() -> verifier.verify(expired)).isInstanceOf(InvalidTokenException.class)
                .hasMessage("the bearer token has expired");
    }

    @Test
    void aTokenSignedByAnotherKeyForTheSameIssuerIsRefused() throws IOException {
        TokenVerifier verifier = verifier(jwks(), "groups");
        String forged = TokenSigner.generate(SIGNER.issuer()).sign("mia", List.of(Role.ADMIN), Duration.ofMinutes(5));
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class)
                .hasMessage("the bearer token's signature or claims are not valid");
    }

    @Test
    void anUnsignedTokenIsRefused() throws IOException {
        TokenVerifier verifier = verifier(jwks(), "groups");
        String signed = SIGNER.sign("mia", List.of(Role.ADMIN), Duration.ofMinutes(5));
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + signed.split("\\.")[1]
                + ".";
        assertThatThrownBy(() -> verifier.verify(none)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTokenOfAnotherIssuerOrNoJwtAtAllIsRefused() throws IOException {
        TokenVerifier verifier = verifier(jwks(), "groups");
        String other = TokenSigner.generate("https://elsewhere.example").sign("mia", List.of(Role.ADMIN),
                Duration.ofMinutes(5));
        assertThatThrownBy(() -> verifier.verify(other)).hasMessage("the bearer token's issuer is not trusted");
        assertThatThrownBy(() -> verifier.verify("abc.def")).hasMessage("the bearer token is not a well-formed JWT");
    }

    @Test
    void aServiceWithoutATrustedIssuerDoesNotStart() {
        assertThatThrownBy(() -> new TokenVerifier(config(Optional.empty(), "groups")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TALLY_OIDC_ISSUER");
    }

    @Test
    void withAnAudienceConfiguredATokenForAnotherOrNoAudienceIsRefused() throws Exception {
        TokenVerifier verifier = new TokenVerifier(config(Optional.of(jwks().toString()), "groups", "tally", true));
        JwtClaims forTally = claims(Duration.ofMinutes(5));
        forTally.setAudience("account", "tally");
        assertThat(verifier.verify(SIGNER.sign(forTally)).name()).isEqualTo("f-1");
        JwtClaims forGrafana = claims(Duration.ofMinutes(5));
        forGrafana.setAudience("grafana");
        assertThatThrownBy(() -> verifier.verify(SIGNER.sign(forGrafana))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(SIGNER.sign(claims(Duration.ofMinutes(5)))))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void anIssuerThatRequiresAnAudienceButHasNoneStopsTheServiceNamingTheVariable() throws IOException {
        Optional<String> keys = Optional.of(jwks().toString());
        assertThatThrownBy(() -> new TokenVerifier(config(keys, "groups", "", true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TALLY_OIDC_AUDIENCE")
                .hasMessageContaining("tally.auth.issuers.oidc.audience");
        assertThat(new TokenVerifier(config(keys, "groups", "tally", true))).isNotNull();
        assertThat(new TokenVerifier(config(keys, "groups", "", false))).isNotNull();
    }

    @Test
    void theProdProfileRequiresAnAudienceOfTheOidcIssuerAndNotOfTheGateways() {
        assertThat(profile("prod").getValue("tally.auth.issuers.oidc.audience-required", Boolean.class)).isTrue();
        assertThat(profile("prod").getOptionalValue("tally.auth.issuers.gateway.audience-required", Boolean.class))
                .isEmpty();
        assertThat(profile("test").getOptionalValue("tally.auth.issuers.oidc.audience-required", Boolean.class))
                .isEmpty();
    }

    private static SmallRyeConfig profile(String name) {
        return new SmallRyeConfigBuilder().withProfile(name).addDefaultSources().build();
    }

    private Path jwks() throws IOException {
        return Files.writeString(keys.resolve("jwks.json"), SIGNER.jwks());
    }

    private static JwtClaims claims(Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(SIGNER.issuer());
        claims.setSubject("f-1");
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + lifetime.toSeconds()));
        return claims;
    }

    private static TokenVerifier verifier(Path keys, String rolesClaim) {
        return new TokenVerifier(config(Optional.of(keys.toString()), rolesClaim));
    }

    private static AuthConfig config(Optional<String> jwks, String rolesClaim) {
        return config(jwks, rolesClaim, "", false);
    }

    private static AuthConfig config(Optional<String> jwks, String rolesClaim, String audience,
            boolean audienceRequired) {
        AuthConfig.Issuer issuer = new AuthConfig.Issuer() {
            @Override
            public Optional<String> issuer() {
                return Optional.of(SIGNER.issuer());
            }

            @Override
            public Optional<String> jwks() {
                return jwks;
            }

            @Override
            public Optional<String> audience() {
                return Optional.of(audience);
            }

            @Override
            public boolean audienceRequired() {
                return audienceRequired;
            }

            @Override
            public String rolesClaim() {
                return rolesClaim;
            }
        };
        return new AuthConfig() {
            @Override
            public Map<String, Issuer> issuers() {
                return Map.of("oidc", issuer);
            }

            @Override
            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
