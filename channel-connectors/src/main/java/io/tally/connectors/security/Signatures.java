package io.tally.connectors.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the signatures providers put on their webhooks, over the raw request body: HMAC-SHA256 (Shopify, Mailgun,
 * the generic ESP format) and ECDSA P-256 (SendGrid). Comparisons are constant-time; a malformed signature is simply
 * not valid (never an exception).
 */
public final class Signatures {

    private Signatures() {
    }

    /** HMAC-SHA256 of {@code data} under {@code secret}. */
    public static byte[] hmacSha256(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** True when {@code signatureBase64} is the base64 HMAC-SHA256 of {@code data} (Shopify's scheme). */
    public static boolean hmacSha256Base64Matches(String secret, byte[] data, String signatureBase64) {
        if (secret == null || signatureBase64 == null) {
            return false;
        }
        try {
            byte[] given = Base64.getDecoder().decode(signatureBase64.trim());
            return MessageDigest.isEqual(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), data), given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code signatureHex} is the hex HMAC-SHA256 of {@code data} (Mailgun's and the generic scheme). */
    public static boolean hmacSha256HexMatches(String secret, byte[] data, String signatureHex) {
        if (secret == null || signatureHex == null) {
            return false;
        }
        try {
            byte[] given = HexFormat.of().parseHex(signatureHex.trim().toLowerCase(java.util.Locale.ROOT));
            return MessageDigest.isEqual(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), data), given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * True when {@code signatureBase64} (DER, base64) is a valid ECDSA P-256 / SHA-256 signature of {@code data} under
     * the public key {@code publicKeyBase64} (X.509 SubjectPublicKeyInfo, base64: SendGrid's verification key).
     */
    public static boolean ecdsaP256Matches(String publicKeyBase64, byte[] data, String signatureBase64) {
        if (publicKeyBase64 == null || signatureBase64 == null) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64.trim())));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code a} followed by {@code b}, e.g. a timestamp header and the raw body. */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
