package io.tally.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class GoalPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void monthsQuartersAndRangesAreRead() {
        GoalPeriod november = GoalPeriod.parse("2026-11", BERLIN);
        assertThat(november.firstDay()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(november.lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(november.days()).isEqualTo(30);
        GoalPeriod q4 = GoalPeriod.parse("2026-q4", BERLIN);
        assertThat(q4.label()).isEqualTo("2026-Q4");
        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        GoalPeriod range = GoalPeriod.parse(" 2026-11-23..2026-11-29 ", BERLIN);
        assertThat(range.label()).isEqualTo("2026-11-23..2026-11-29");
        assertThat(range.days()).isEqualTo(7);
    }

    @Test
    void instantsFollowTheZoneIncludingDaylightSaving() {
        GoalPeriod march = GoalPeriod.parse("2026-03", BERLIN);
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(march.contains(Instant.parse("2026-03-31T21:59:59Z"))).isTrue();
        assertThat(march.contains(Instant.parse("2026-03-31T22:00:00Z"))).isFalse();
        assertThat(march.contains(Instant.parse("2026-02-28T22:59:59Z"))).isFalse();
    }

    @Test
    void badPeriodsSayWhatIsAccepted() {
        for (String bad : new String[]{"2026-13", "2026-Q5", "november", "2026-11-31..2026-12-01", ""}) {
            assertThatThrownBy(() -> GoalPeriod.parse(bad, BERLIN)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("YYYY-MM, YYYY-Qn or YYYY-MM-DD..YYYY-MM-DD");
        }
        assertThatThrownBy(() -> GoalPeriod.parse("2026-11-30..2026-11-01", BERLIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    }
}
