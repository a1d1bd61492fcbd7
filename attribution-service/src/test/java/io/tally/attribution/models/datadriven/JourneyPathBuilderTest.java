package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class JourneyPathBuilderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static Instant day(double days) {
        return T0.plus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    private static String rows(List<PathStat> stats) {
        return String.join("; ", stats.stream().map(s -> String.join(">", s.path()) + " c="
                + s.conversions().toPlainString() + " n=" + s.nulls().toPlainString()).toList());
    }

    @Test
    void aConversionClosesItsJourneyAndLaterTouchesAreANonConvertingOne() {
        JourneyPathBuilder b = new JourneyPathBuilder(Duration.ofDays(30), T0);
        b.touch(1, day(1), "email");
        b.touch(1, day(2), "paid_social");
        b.conversion(1, day(3));
        b.touch(1, day(4), "email");
        b.touch(2, day(1), "paid_social");
        b.touch(2, day(2), "email");
        b.conversion(2, day(2)); // a touch at the conversion's instant belongs to it
        assertThat(rows(b.build())).isEqualTo("email c=0 n=1; email>paid_social c=1 n=0; paid_social>email c=1 n=0");
    }

    @Test
    void identicalJourneysAddUpAndAConversionWithoutTouchesHasAnEmptyPath() {
        JourneyPathBuilder b = new JourneyPathBuilder(Duration.ofDays(30), T0);
        for (long profile = 1; profile <= 3; profile++) {
            b.touch(profile, day(1), "email");
            b.conversion(profile, day(1.5));
        }
        b.conversion(4, day(2));
        b.conversion(4, day(3));
        assertThat(rows(b.build())).isEqualTo(" c=2 n=0; email c=3 n=0");
    }

    @Test
    void touchesOutsideTheLookbackAreAJourneyThatDidNotConvert() {
        JourneyPathBuilder b = new JourneyPathBuilder(Duration.ofDays(7), T0);
        b.touch(1, day(1), "display");
        b.touch(1, day(2), "display");
        b.touch(1, day(10), "email");
        b.conversion(1, day(12));
        assertThat(rows(b.build())).isEqualTo("display>display c=0 n=1; email c=1 n=0");
    }

    @Test
    void eachTouchMayReachBackAsFarAsItsOwnLookback() {
        JourneyPathBuilder b = new JourneyPathBuilder(Duration.ofDays(7), T0);
        b.touch(1, day(1), "display", Duration.ofDays(30)); // 11 days before: inside its own 30 days
        b.touch(1, day(5), "email", Duration.ofDays(2)); // 7 days before: outside its own 2 days
        b.touch(1, day(10), "search"); // the builder's 7 days
        b.conversion(1, day(12));
        assertThat(rows(b.build())).isEqualTo("display>search c=1 n=0; email c=0 n=1");
    }

    @Test
    void journeysThatEndedBeforeTheWindowAreNotCounted() {
        JourneyPathBuilder b = new JourneyPathBuilder(Duration.ofDays(30), day(10));
        b.touch(1, day(1), "email");
        b.conversion(1, day(2)); // before the window: only closes the journey
        b.touch(1, day(5), "paid_social");
        b.touch(1, day(11), "email");
        b.conversion(1, day(12));
        b.touch(2, day(3), "display"); // a non-converting journey that ended before the window
        assertThat(rows(b.build())).isEqualTo("paid_social>email c=1 n=0");
    }

    @Test
    void eventsOfAProfileOutOfTimeOrderAreRefused() {
        JourneyPathBuilder b = new JourneyPathBuilder(Duration.ofDays(30), T0);
        b.touch(1, day(2), "email");
        assertThatThrownBy(() -> b.touch(1, day(1), "email")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of time order");
    }

    @Test
    void theFingerprintDependsOnTheJourneysNotOnTheOrderOfTheRows() {
        List<PathStat> rows = new ArrayList<>(List.of(PathStat.of(List.of("email", "search"), 3, 7),
                PathStat.of(List.of("search"), 1, 9), PathStat.of(List.of(), 0, 4)));
        String fingerprint = TrainedModel.fingerprint(rows);
        Collections.reverse(rows);
        assertThat(TrainedModel.fingerprint(rows)).isEqualTo(fingerprint).hasSize(64);
        rows.set(0, PathStat.of(List.of("email", "search"), 3, 8));
        assertThat(TrainedModel.fingerprint(rows)).isNotEqualTo(fingerprint);
    }
}
