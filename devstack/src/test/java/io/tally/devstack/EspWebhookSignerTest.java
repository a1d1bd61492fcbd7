package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EspWebhookSignerTest {

    @Test
    void signsTheRawBodyWithHexHmacSha256() {
        // python3: hmac.new(b'not-a-secret', b'[{"id":"e1"}]', hashlib.sha256).hexdigest()
        assertThat(new EspWebhookSigner("acme", "not-a-secret").sign("[{\"id\":\"e1\"}]"))
                .isEqualTo("sha256=5a2e98126f6fb2e2364f45455d96ffb6d6fed00fd05a16172cc3ad33b85650d2");
    }

    @Test
    void configuresTheProvidersSecretOnTheConnectorsThroughTheEnvironment() {
        EspWebhookSigner signer = EspWebhookSigner.generate();
        assertThat(signer.connectorsEnvironment())
                .containsExactlyEntriesOf(Map.of("TALLY_CONNECTORS_EMAIL_GENERIC_SECRETS_ACME",
                        signer.secret()));
        assertThat(signer.path()).isEqualTo("/api/v1/webhooks/esp/acme");
        assertThat(signer.secret()).hasSize(64).isNotEqualTo(EspWebhookSigner.generate().secret());
    }
}
