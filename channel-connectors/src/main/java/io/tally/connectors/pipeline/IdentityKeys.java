package io.tally.connectors.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns raw personal identifiers into the only form Tally keeps: the SHA-256 of the normalised value. Raw e-mail
 * addresses and phone numbers are never stored or published.
 */
public final class IdentityKeys {

    private IdentityKeys() {
    }

    /** SHA-256 (lower-case hex) of the trimmed, lower-cased address; null for a blank one. */
    public static String emailSha256(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return sha256(email.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * SHA-256 of the number in E.164-like form: digits only, with a leading {@code +} when the input had one (or a
     * {@code 00} international prefix); null when it holds no digit.
     */
    public static String phoneSha256(String phone) {
        if (phone == null) {
            return null;
        }
        String trimmed = phone.trim();
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        boolean international = trimmed.startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        return sha256((international ? "+" : "") + digits);
    }

    /** Lower-case hex SHA-256 of a UTF-8 string. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
