package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;

/** The one id scheme of dead letters, which the consumers' intake and the connectors' pipeline both use. */
class RejectTest {

    @Test
    void anIdIsRejectAndTheNameBasedUuidOfSourceAndPayload() {
        String expected = "reject:" + UUID.nameUUIDFromBytes("web.collect\n{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(Reject.idOf("web.collect", "{\"x\":1}")).isEqualTo(expected)
                .matches("reject:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void theSameInputFromTheSameSourceIsOneDeadLetter() {
        assertThat(Reject.idOf("a", "row")).isEqualTo(Reject.idOf("a", "row"))
                .isNotEqualTo(Reject.idOf("b", "row"))
                .isNotEqualTo(Reject.idOf("a", "row2"));
    }

    @Test
    void aRejectIsNamedFromItsWholePayloadEvenWhenThePayloadIsCut() {
        String raw = "x".repeat(Reject.MAX_RAW_CHARS + 10);
        Reject reject = Reject.of(Instant.EPOCH, "campaign.costs", raw, List.of(new Violation("a", "bad")));

        assertThat(reject.eventId()).isEqualTo(Reject.idOf("campaign.costs", raw));
        assertThat(reject.rawPayload()).hasSizeGreaterThan(Reject.MAX_RAW_CHARS).contains("…[cut: ");
        assertThat(reject.field()).isEqualTo("a");
    }

    @Test
    void textNoStoreKeepsIsReplacedSoTheDeadLetterCanBeReadAgain() {
        String raw = "a\u0000b\uD800c\uFFFFd\uD83D\uDE00e";
        Reject reject = Reject.of(Instant.EPOCH, "web.pixel", raw, List.of(new Violation("k\u0000", "bad \uDC00")));

        assertThat(reject.eventId()).as("named from the payload as received").isEqualTo(Reject.idOf("web.pixel", raw));
        assertThat(reject.rawPayload()).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uD83D\uDE00e");
        assertThat(reject.field()).isEqualTo("k\uFFFD");
        assertThat(reject.reason()).isEqualTo("bad \uFFFD");
        assertThat(reject.violations()).containsExactly(new Violation("k\uFFFD", "bad \uFFFD"));
        assertThat(EventJson.read(EventJson.toBytes(reject), Reject.class)).isEqualTo(reject);
    }
}
