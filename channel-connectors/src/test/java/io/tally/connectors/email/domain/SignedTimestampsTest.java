package io.tally.connectors.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignedTimestampsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void unixSecondsWithAndWithoutFractionParse() {
        assertThat(SignedTimestamps.parseUnixSeconds("1795342530")).contains(NOW);
        assertThat(SignedTimestamps.parseUnixSeconds(" 1795342530.5 ")).contains(NOW.plusMillis(500));
    }

    @Test
    void garbageIsNotATimestamp() {
        assertThat(SignedTimestamps.parseUnixSeconds("yesterday")).isEmpty();
        assertThat(SignedTimestamps.parseUnixSeconds("")).isEmpty();
        assertThat(SignedTimestamps.parseUnixSeconds(null)).isEmpty();
        assertThat(SignedTimestamps.parseUnixSeconds("9".repeat(40))).isEmpty();
    }

    @Test
    void onlyTimestampsWithinTheToleranceEitherWayAreFresh() {
        assertThat(SignedTimestamps.isFresh(NOW.minus(TEN_MINUTES), NOW, TEN_MINUTES)).isTrue();
        assertThat(SignedTimestamps.isFresh(NOW.plus(TEN_MINUTES), NOW, TEN_MINUTES)).isTrue();
        assertThat(SignedTimestamps.isFresh(NOW.minus(TEN_MINUTES).minusSeconds(1), NOW, TEN_MINUTES)).isFalse();
        assertThat(SignedTimestamps.isFresh(NOW.plus(TEN_MINUTES).plusSeconds(1), NOW, TEN_MINUTES)).isFalse();
    }
}
