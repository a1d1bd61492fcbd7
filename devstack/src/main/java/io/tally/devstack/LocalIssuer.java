package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tally.support.security.Role;
import io.tally.support.security.TokenSigner;

/**
 * The token keys of a local run and of the tests: an issuer standing in for an OIDC provider (a fresh RSA key per run
 * whose public half the services trust, a JWK set file, and a ready token per role, each for the audience
 * {@value #AUDIENCE} the services require), and the gateway's key for the
 * tokens it signs for API-key calls (its private half for the gateway, its JWK set for the services).
 */
public final class LocalIssuer {

    /** The {@code iss} of local tokens. */
    public static final String ISSUER = "tally-local";

    /** The {@code aud} of local tokens, which the services require (as production requires one). */
    public static final String AUDIENCE = "tally";

    private static LocalIssuer shared;

    /** The {@code iss} of the gateway's API-key tokens (the services' default). */
    public static final String GATEWAY_ISSUER = "urn:tally:gateway";

    private final TokenSigner signer;
    private final TokenSigner gateway;
    private final Path jwksFile;
    private final Path gatewayKeyFile;
    private final Path gatewayJwksFile;

    private LocalIssuer(TokenSigner signer, TokenSigner gateway, Path jwksFile, Path gatewayKeyFile,
            Path gatewayJwksFile) {
        this.signer = signer;
        this.gateway = gateway;
        this.jwksFile = jwksFile;
        this.gatewayKeyFile = gatewayKeyFile;
        this.gatewayJwksFile = gatewayJwksFile;
    }

    /**
     * New keys: the issuer's JWK set in {@code directory/jwks.json}, the gateway's private key in
     * {@code gateway-key.pem} (owner-only) and its JWK set in {@code gateway-jwks.json}.
     */
    public static LocalIssuer create(Path directory) {
        TokenSigner signer = TokenSigner.generate(ISSUER).withAudience(AUDIENCE);
        TokenSigner gateway = TokenSigner.generate(GATEWAY_ISSUER);
        try {
            Files.createDirectories(directory);
            Path jwks = Files.writeString(directory.resolve("jwks.json"), signer.jwks());
            Path gatewayKey = directory.resolve("gateway-key.pem");
            Files.deleteIfExists(gatewayKey);
            Files.createFile(gatewayKey);
            try {
                Files.setPosixFilePermissions(gatewayKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(gatewayKey, gateway.privateKeyPem());
            Path gatewayJwks = Files.writeString(directory.resolve("gateway-jwks.json"), gateway.jwks());
            return new LocalIssuer(signer, gateway, jwks, gatewayKey, gatewayJwks);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the local token keys to " + directory, e);
        }
    }

    /** One issuer per JVM, for tests; its key lives in a temporary directory. */
    public static synchronized LocalIssuer shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("tally-issuer");
                directory.toFile().deleteOnExit();
                shared = create(directory);
                for (Path file : List.of(shared.jwksFile, shared.gatewayKeyFile, shared.gatewayJwksFile)) {
                    file.toFile().deleteOnExit();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The signer, for tests that craft their own (expired, wrongly signed) tokens. */
    public TokenSigner signer() {
        return signer;
    }

    /** A token for {@code subject} with {@code roles}, valid for {@code lifetime}. */
    public String token(String subject, Duration lifetime, Role... roles) {
        return signer.sign(subject, List.of(roles), lifetime);
    }

    /**
     * A one-hour token as the gateway signs it for a call made with the API key named {@code keyName}: subject
     * {@code api-key:<keyName>}, issuer {@value #GATEWAY_ISSUER}.
     */
    public String apiKeyToken(String keyName, Role... roles) {
        return gateway.sign("api-key:" + keyName, List.of(roles), Duration.ofHours(1));
    }

    /** A one-hour token named after its single role ({@code analyst}, ...). */
    public String token(Role role) {
        return token(role.claim(), Duration.ofHours(1), role);
    }

    /** An {@code Authorization} header value for {@link #token(Role)}: {@code Bearer <token>}. */
    public String bearer(Role role) {
        return "Bearer " + token(role);
    }

    /** What a Quarkus service needs to trust this issuer and the gateway's API-key tokens. */
    public Map<String, String> quarkusConfig() {
        return Map.of("tally.auth.issuers.oidc.issuer", ISSUER,
                "tally.auth.issuers.oidc.jwks", jwksFile.toString(),
                "tally.auth.issuers.oidc.audience", AUDIENCE,
                "tally.auth.issuers.gateway.jwks", gatewayJwksFile.toString());
    }

    /** What the gateway needs on top of {@link #quarkusConfig()}: the key to sign API-key calls with. */
    public Map<String, String> gatewayQuarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>(quarkusConfig());
        config.put("tally.gateway.api-keys.signing-key", gatewayKeyFile.toString());
        return config;
    }

    /** What a packaged service needs to trust the tokens, as environment variables. */
    public Map<String, String> environment() {
        return Map.of("TALLY_OIDC_ISSUER", ISSUER,
                "TALLY_OIDC_JWKS", jwksFile.toString(),
                "TALLY_OIDC_AUDIENCE", AUDIENCE,
                "TALLY_GATEWAY_JWKS", gatewayJwksFile.toString());
    }

    /** What the packaged gateway needs: {@link #environment()} and the key to sign API-key calls with. */
    public Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(environment());
        env.put("TALLY_GATEWAY_SIGNING_KEY", gatewayKeyFile.toString());
        return env;
    }

    /** A token per role, valid for {@code lifetime}, in role order: {@code TALLY_TOKEN_ANALYST} and so on. */
    public Map<String, String> tokensByVariable(Duration lifetime) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            tokens.put("TALLY_TOKEN_" + role.name(), token(role.claim(), lifetime, role));
        }
        return tokens;
    }
}
