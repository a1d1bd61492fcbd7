package io.tally.connectors.email;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * TEST ONLY. Generates fresh webhook credentials for the application under test, once per test run: a secp256r1
 * keypair whose public half is SendGrid's verification key, a Mailgun signing key and a generic ESP secret. The private
 * key reaches the tests under {@code tally.test.*}, a key the application never reads. Nothing is committed.
 */
public class EmailTestKeys implements QuarkusTestResourceLifecycleManager {

    /** The generic ESP provider configured for tests. */
    public static final String ESP_PROVIDER = "acme-esp";
    static final String SENDGRID_PRIVATE_KEY = "tally.test.email.sendgrid.private-key";

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return Map.of(
                    "tally.connectors.email.sendgrid.verification-key",
                    base64.encodeToString(pair.getPublic().getEncoded()),
                    SENDGRID_PRIVATE_KEY, base64.encodeToString(pair.getPrivate().getEncoded()),
                    "tally.connectors.email.mailgun.signing-key", randomHex(32),
                    "tally.connectors.email.generic.secrets." + ESP_PROVIDER, randomHex(32));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot generate P-256 keys", e);
        }
    }

    @Override
    public void stop() {
        // nothing to release
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
