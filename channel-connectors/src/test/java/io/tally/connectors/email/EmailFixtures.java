package io.tally.connectors.email;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Email webhook payloads in the providers' real formats, and their signatures. Every id is unique: all test classes
 * share one broker. Signing uses the TEST-ONLY credentials of {@link EmailTestKeys} (read from the application's config).
 */
public final class EmailFixtures {

    /** The address as a sloppy list would hold it: the touchpoint must carry sha256("jane.doe@example.com"). */
    public static final String SLOPPY_ADDRESS = "  Jane.Doe@Example.com ";
    public static final String NORMALISED_ADDRESS = "jane.doe@example.com";
    public static final String LANDING = "https://shop.example/shoes?utm_source=newsletter&utm_medium=email"
            + "&utm_campaign=BF-2026";

    private EmailFixtures() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** An event time an hour ago, in unix seconds. */
    public static long anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).getEpochSecond();
    }

    /** Lower-case hex SHA-256, computed here independently of the code under test. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- SendGrid (Event Webhook: a JSON array of events) ----

    public static String sendGridOpen(String sgEventId, String email, long timestamp) {
        return """
                {"email": "%s", "timestamp": %d, "event": "open", "sg_event_id": "%s",
                 "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0", "sg_machine_open": false,
                 "useragent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)",
                 "ip": "203.0.113.7", "category": ["newsletter", "bf-2026-wave-1"], "tally_campaign": "BF-2026-NL"}"""
                .formatted(email, timestamp, sgEventId);
    }

    public static String sendGridClick(String sgEventId, String email, long timestamp, String url) {
        return """
                {"email": "%s", "timestamp": %d, "event": "click", "url": "%s",
                 "url_offset": {"index": 0, "type": "html"}, "sg_event_id": "%s",
                 "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
                 "useragent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)", "ip": "203.0.113.7",
                 "category": "newsletter"}""".formatted(email, timestamp, url, sgEventId);
    }

    /** A non-touch event: {@code delivered}, {@code bounce}, {@code processed}, … */
    public static String sendGridOther(String type, String sgEventId, String email, long timestamp) {
        return """
                {"email": "%s", "timestamp": %d, "event": "%s", "sg_event_id": "%s",
                 "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
                 "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>", "response": "250 2.0.0 OK", "tls": 1,
                 "reason": "550 5.1.1 The email account that you tried to reach does not exist", "status": "5.1.1",
                 "category": ["newsletter"]}""".formatted(email, timestamp, type, sgEventId);
    }

    public static String array(String... events) {
        return "[" + String.join(",\n", events) + "]";
    }

    /** Base64 DER SHA256withECDSA signature of {@code timestamp + body} with the test private key. */
    public static String sendGridSignature(String timestamp, String body) {
        String key = ConfigProvider.getConfig().getValue(EmailTestKeys.SENDGRID_PRIVATE_KEY, String.class);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
            return ecdsa(privateKey, timestamp + body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid-looking signature from a key SendGrid never configured. */
    public static String sendGridSignatureFromAnotherKey(String timestamp, String body) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return ecdsa(generator.generateKeyPair().getPrivate(), timestamp + body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ecdsa(PrivateKey key, String data) throws java.security.GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    // ---- Mailgun (one webhook per event, signature in the body) ----

    public static String mailgunSigningKey() {
        return ConfigProvider.getConfig().getValue("tally.connectors.email.mailgun.signing-key", String.class);
    }

    /** A 50-character one-time token like Mailgun's. */
    public static String mailgunToken() {
        return EmailTestKeys.randomHex(25);
    }

    /** Mailgun's event-data; {@code timestamp} in unix seconds, sent with Mailgun's microsecond fraction. */
    public static String mailgunEventData(String event, String id, String recipient, long timestamp, String url) {
        return """
                {"id": "%s", "timestamp": %d.908181, "log-level": "info", "event": "%s",
                 "recipient": "%s", "recipient-domain": "example.com",%s
                 "ip": "203.0.113.7", "geolocation": {"country": "DE", "region": "BE", "city": "Berlin"},
                 "client-info": {"client-type": "browser", "client-os": "Linux", "device-type": "desktop",
                   "client-name": "Chrome", "user-agent": "Mozilla/5.0 (X11; Linux x86_64)"},
                 "tags": ["newsletter", "bf-2026"], "campaigns": [],
                 "user-variables": {"tally_campaign": "BF-2026-MG", "customer_tier": "gold"},
                 "flags": {"is-routed": false, "is-authenticated": true, "is-system-test": false, "is-test-mode": false},
                 "message": {"headers": {"to": "%s", "message-id": "20261122101530.1.4D9A2C@mg.shop.example",
                   "from": "Shop <news@mg.shop.example>", "subject": "Black Friday starts now"}, "attachments": [],
                   "size": 18420}}"""
                .formatted(id, timestamp, event, recipient, url == null ? "" : " \"url\": \"" + url + "\",",
                        recipient);
    }

    /** A whole Mailgun webhook: the signature object (signed with {@code key}) and the event data. */
    public static String mailgunWebhook(String key, long timestamp, String token, String eventData) {
        return """
                {"signature": {"timestamp": "%d", "token": "%s", "signature": "%s"},
                 "event-data": %s}""".formatted(timestamp, token, hmacHex(key, timestamp + token), eventData);
    }

    // ---- Tally's generic ESP format ----

    public static String espSecret() {
        return ConfigProvider.getConfig().getValue(
                "tally.connectors.email.generic.secrets." + EmailTestKeys.ESP_PROVIDER,
                String.class);
    }

    public static String espEvent(String id, String type, String email, String campaign, String url) {
        return """
                {"id": "%s", "type": "%s", "email": "%s", "timestamp": "%s"%s%s}""".formatted(id, type, email,
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                campaign == null ? "" : ", \"campaign\": \"" + campaign + "\"",
                url == null ? "" : ", \"url\": \"" + url + "\"");
    }

    /** The {@code X-Tally-Signature} header value for {@code body}. */
    public static String espSignature(String secret, String body) {
        return "sha256=" + hmacHex(secret, body);
    }

    public static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
