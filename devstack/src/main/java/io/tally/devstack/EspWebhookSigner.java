package io.tally.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generic ESP webhook of a local suite ({@code POST /api/v1/webhooks/esp/{provider}}): one provider with a secret
 * made for each run, configured on channel-connectors as a deployment configures it (an environment variable for
 * {@code tally.connectors.email.generic.secrets.<provider>}), and the signature its deliveries carry.
 *
 * @param provider the provider's name in the path, lower-case letters only (so its environment variable names it)
 * @param secret the HMAC-SHA256 secret
 */
public record EspWebhookSigner(String provider, String secret) {

    /** The provider of the local suite (the name the connectors' README and OpenAPI examples use). */
    public static final String PROVIDER = "acme";

    /** The header that carries the signature. */
    public static final String SIGNATURE_HEADER = "X-Tally-Signature";

    /** A new random secret for {@link #PROVIDER}. */
    public static EspWebhookSigner generate() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new EspWebhookSigner(PROVIDER, HexFormat.of().formatHex(secret));
    }

    /** The environment variable that gives channel-connectors this provider's secret. */
    public Map<String, String> connectorsEnvironment() {
        return Map.of("TALLY_CONNECTORS_EMAIL_GENERIC_SECRETS_" + provider.toUpperCase(Locale.ROOT), secret);
    }

    /** The webhook's path on the gateway. */
    public String path() {
        return "/api/v1/webhooks/esp/" + provider;
    }

    /** The {@value #SIGNATURE_HEADER} value of {@code body}: {@code sha256=<hex HMAC-SHA256 of the raw body>}. */
    public String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
