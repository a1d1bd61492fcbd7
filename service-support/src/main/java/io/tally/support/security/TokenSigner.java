package io.tally.support.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs Tally tokens (RS256) with one RSA key: the local issuer of {@code ./tally up} and the tests, and the gateway's
 * tokens for API-key calls. Its public half is published as a JWK set ({@link #jwks()}) for {@link TokenVerifier}.
 */
public final class TokenSigner {

    private final String issuer;
    private final RsaJsonWebKey key;
    private final String audience;

    private TokenSigner(String issuer, RsaJsonWebKey key, String audience) {
        this.issuer = issuer;
        this.key = key;
        this.audience = audience;
    }

    /** This signer, with the same key, naming {@code audience} in the {@code aud} of the tokens it {@link #sign}s. */
    public TokenSigner withAudience(String audience) {
        return new TokenSigner(issuer, key, audience);
    }

    /** A signer for {@code issuer} with a fresh 2048-bit RSA key. */
    public static TokenSigner generate(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new TokenSigner(issuer, key((RSAPublicKey) pair.getPublic(), pair.getPrivate()), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** A signer for {@code issuer} with the RSA private key in {@code file} (PEM, PKCS#8: {@code BEGIN PRIVATE KEY}). */
    public static TokenSigner fromPrivateKeyFile(String issuer, Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            byte[] der = Pem.decode(pem);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) rsa
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new TokenSigner(issuer, key(publicKey, privateKey), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + file, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("Not an RSA private key in PKCS#8 PEM: " + file, e);
        }
    }

    private static RsaJsonWebKey key(RSAPublicKey publicKey, PrivateKey privateKey) {
        RsaJsonWebKey key = new RsaJsonWebKey(publicKey);
        key.setPrivateKey(privateKey);
        // the same key always has the same id, wherever its JWK set is published
        key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
        return key;
    }

    /** The private key as PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8), for {@link #fromPrivateKeyFile}. */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", key.getPrivateKey().getEncoded());
    }

    /** The {@code iss} of the tokens this signer makes. */
    public String issuer() {
        return issuer;
    }

    /** The public key as a JWK set (JSON), for {@code tally.auth.issuers.<name>.jwks}. */
    public String jwks() {
        return new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public String publicKeyPem() {
        return Pem.encode("PUBLIC KEY", key.getPublicKey().getEncoded());
    }

    /**
     * A token for {@code subject} holding {@code roles}, valid from now for {@code lifetime} (for this signer's
     * audience, if it has one).
     */
    public String sign(String subject, Collection<Role> roles, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setClaim("preferred_username", subject);
        claims.setStringListClaim("groups", roles.stream().map(Role::claim).toList());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setGeneratedJwtId();
        return sign(claims);
    }

    /** Signs {@code claims} as they are (tests use it for tokens that should fail). */
    public String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
