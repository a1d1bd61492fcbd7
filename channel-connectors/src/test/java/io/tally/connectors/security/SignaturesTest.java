package io.tally.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final byte[] BODY = "{\"id\":820982911946154508}".getBytes(StandardCharsets.UTF_8);

    @Test
    void hmacMatchesAKnownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] mac = Signatures.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void base64AndHexHmacsVerifyOnlyWithTheRightSecretAndBody() {
        byte[] mac = Signatures.hmacSha256("s3cret".getBytes(StandardCharsets.UTF_8), BODY);
        String b64 = Base64.getEncoder().encodeToString(mac);
        String hex = HexFormat.of().formatHex(mac);

        assertThat(Signatures.hmacSha256Base64Matches("s3cret", BODY, b64)).isTrue();
        assertThat(Signatures.hmacSha256HexMatches("s3cret", BODY, hex.toUpperCase())).isTrue();
        assertThat(Signatures.hmacSha256Base64Matches("other", BODY, b64)).isFalse();
        assertThat(Signatures.hmacSha256HexMatches("s3cret", "{}".getBytes(StandardCharsets.UTF_8), hex)).isFalse();
        assertThat(Signatures.hmacSha256Base64Matches("s3cret", BODY, "not base64 at all!")).isFalse();
        assertThat(Signatures.hmacSha256HexMatches("s3cret", BODY, "zz")).isFalse();
        assertThat(Signatures.hmacSha256HexMatches("s3cret", BODY, null)).isFalse();
    }

    @Test
    void ecdsaP256SignaturesVerifyAgainstTheirPublicKeyOnly() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] signed = Signatures.concat("1700000000".getBytes(StandardCharsets.UTF_8), BODY);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(signed);
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());

        assertThat(Signatures.ecdsaP256Matches(publicKey, signed, signature)).isTrue();
        assertThat(Signatures.ecdsaP256Matches(publicKey, BODY, signature)).isFalse();
        assertThat(Signatures.ecdsaP256Matches(publicKey, signed, "AAAA")).isFalse();
        assertThat(Signatures.ecdsaP256Matches("not a key", signed, signature)).isFalse();
    }
}
