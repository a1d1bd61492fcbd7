package io.tally.campaign.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.campaign.api.ProgressResponse.PacingPoint;
import io.tally.campaign.pacing.GoalPeriod;
import io.tally.campaign.pacing.PacingCurves;

/** The pacing curve the progress report draws: a point per day, per month for long periods. */
class PacingCurvePointsTest {

    @Test
    void aMonthHasAPointPerDayEndingAtTheWholeGoal() {
        List<PacingPoint> points = ProgressService.pacingCurve(PacingCurves.of("linear", Map.of()),
                GoalPeriod.parse("2026-11", ZoneId.of("Europe/Berlin")));
        assertThat(points).hasSize(30);
        assertThat(points.get(0)).isEqualTo(new PacingPoint(LocalDate.parse("2026-11-01"), "0.033333")); // 1/30
        assertThat(points.get(14)).isEqualTo(new PacingPoint(LocalDate.parse("2026-11-15"), "0.500000"));
        assertThat(points.get(29)).isEqualTo(new PacingPoint(LocalDate.parse("2026-11-30"), "1.000000"));
    }

    @Test
    void aLongRangeHasAPointPerMonthAndItsLastDay() {
        List<PacingPoint> points = ProgressService.pacingCurve(PacingCurves.of("linear", Map.of()),
                GoalPeriod.parse("2026-01-01..2027-12-15", ZoneId.of("UTC")));
        assertThat(points).hasSize(24);
        assertThat(points.get(0).day()).isEqualTo(LocalDate.parse("2026-01-31"));
        // 31 of 714 days
        assertThat(points.get(0).expectedFraction()).isEqualTo("0.043417");
        assertThat(points.get(23)).isEqualTo(new PacingPoint(LocalDate.parse("2027-12-15"), "1.000000"));
    }
}
