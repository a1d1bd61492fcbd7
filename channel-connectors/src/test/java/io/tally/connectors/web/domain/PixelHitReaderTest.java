package io.tally.connectors.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class PixelHitReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final PixelHitReader reader = new PixelHitReader(Duration.ofMinutes(10), true);
    private final Violations violations = new Violations();

    private WebEvent read(Map<String, String> params) {
        return reader.read(PixelHit.of(params::get), NOW, violations);
    }

    @Test
    void pageViewWithoutTimeHappenedNow() {
        WebEvent event = read(Map.of("t", "page_view", "aid", "a1", "url", "https://shop.example/"));

        assertThat(violations.list()).isEmpty();
        assertThat(event.type()).isEqualTo(WebEventType.PAGE_VIEW);
        assertThat(event.timestamp()).isEqualTo(NOW);
    }

    @Test
    void timeMayBeEpochMilliseconds() {
        WebEvent event = read(Map.of("t", "email_open", "uid", "u1", "ts", "1795341330000"));

        assertThat(event.timestamp()).isEqualTo(Instant.ofEpochMilli(1795341330000L));
    }

    @Test
    void emailOpenCampaignIsUtmCampaignElseCid() {
        assertThat(read(Map.of("t", "email_open", "uid", "u1", "cid", "BF-2026")).campaign().campaign())
                .isEqualTo("BF-2026");
        assertThat(read(Map.of("t", "email_open", "uid", "u1", "cid", "X", "utm_campaign", "Y")).campaign()
                .campaign()).isEqualTo("Y");
    }

    @Test
    void violationsNameTheQueryParameters() {
        assertThat(read(Map.of("t", "purchase", "ts", "later", "consent", "maybe"))).isNull();

        assertThat(violations.list()).extracting(Violation::field)
                .containsExactlyInAnyOrder("t", "aid", "ts", "consent");
        assertThat(violations.list()).extracting(Violation::reason)
                .contains("must be one of page_view, email_open", "must be 0 or 1");
    }

    @Test
    void consentZeroKeepsTheEventUnlinked() {
        assertThat(read(Map.of("t", "email_open", "uid", "u1", "consent", "0")).analyticsConsent()).isFalse();
        assertThat(read(Map.of("t", "email_open", "uid", "u1")).analyticsConsent()).isTrue();
    }

    @Test
    void rawPayloadKeepsOnlyDocumentedParameters() {
        PixelHit hit = PixelHit.of(Map.of("t", "page_view", "aid", "a 1", "email", "jane@example.com")::get);

        assertThat(hit.raw()).isEqualTo("t=page_view&aid=a+1");
    }
}
