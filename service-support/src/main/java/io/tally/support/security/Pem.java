package io.tally.support.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM armour around DER key bytes ({@code -----BEGIN PUBLIC KEY-----} and the like), both ways. */
final class Pem {

    private Pem() {
    }

    /** {@code der} armoured as {@code type} ({@code PUBLIC KEY}, {@code PRIVATE KEY}), 64 characters a line. */
    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes inside the first armoured block of {@code pem}. */
    static byte[] decode(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
