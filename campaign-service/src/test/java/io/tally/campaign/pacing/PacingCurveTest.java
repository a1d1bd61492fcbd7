package io.tally.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PacingCurveTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final GoalPeriod NOVEMBER = GoalPeriod.parse("2026-11", BERLIN);

    @Test
    void linearIsTheShareOfThePeriodElapsed() {
        LinearPacing linear = new LinearPacing();
        assertThat(linear.expectedFraction(NOVEMBER, Instant.parse("2026-10-20T00:00:00Z"))).isZero();
        assertThat(linear.expectedFraction(NOVEMBER, NOVEMBER.start())).isZero();
        // 16 November 00:00 in Berlin: 15 of 30 days
        assertThat(linear.expectedFraction(NOVEMBER, Instant.parse("2026-11-15T23:00:00Z")))
                .isEqualByComparingTo("0.5");
        assertThat(linear.expectedFraction(NOVEMBER, NOVEMBER.end())).isEqualByComparingTo("1");
        assertThat(linear.expectedFraction(NOVEMBER, Instant.parse("2027-01-01T00:00:00Z")))
                .isEqualByComparingTo("1");
    }

    @Test
    void weekdayWeightsSkipTheWeekend() {
        // Monday 23 to Sunday 29 November 2026; weekdays weigh 1, the weekend 0
        GoalPeriod week = GoalPeriod.parse("2026-11-23..2026-11-29", BERLIN);
        WeekdayPacing workdays = new WeekdayPacing(Map.of(DayOfWeek.SATURDAY, BigDecimal.ZERO, DayOfWeek.SUNDAY,
                BigDecimal.ZERO));
        // after Wednesday: 3 of 5
        assertThat(workdays.expectedFraction(week, Instant.parse("2026-11-25T23:00:00Z"))).isEqualByComparingTo("0.6");
        // Thursday noon: 3.5 of 5
        assertThat(workdays.expectedFraction(week, Instant.parse("2026-11-26T11:00:00Z"))).isEqualByComparingTo("0.7");
        // Saturday noon: all five weekdays done
        assertThat(workdays.expectedFraction(week, Instant.parse("2026-11-28T11:00:00Z"))).isEqualByComparingTo("1");
    }

    @Test
    void aDaylightSavingDayHas23HoursOfItsWeight() {
        // 29 March 2026 in Berlin has 23 hours; the two-day period weighs 1 + 1
        GoalPeriod period = GoalPeriod.parse("2026-03-29..2026-03-30", BERLIN);
        WeekdayPacing flat = new WeekdayPacing(Map.of());
        // 11.5 of the 23 hours of the first day: a quarter of the period
        Instant halfDay = Instant.parse("2026-03-28T23:00:00Z").plusSeconds(23 * 3600 / 2);
        assertThat(flat.expectedFraction(period, halfDay)).isEqualByComparingTo("0.25");
    }

    @Test
    void weightsMustLeaveSomethingToExpect() {
        assertThatThrownBy(() -> new WeekdayPacing(Map.of(DayOfWeek.MONDAY, new BigDecimal("-1"))))
                .isInstanceOf(IllegalArgumentException.class);
        Map<DayOfWeek, BigDecimal> none = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            none.put(day, BigDecimal.ZERO);
        }
        assertThatThrownBy(() -> new WeekdayPacing(none)).isInstanceOf(IllegalArgumentException.class);
        WeekdayPacing weekendOnly = new WeekdayPacing(Map.of(DayOfWeek.MONDAY, BigDecimal.ZERO, DayOfWeek.TUESDAY,
                BigDecimal.ZERO, DayOfWeek.WEDNESDAY, BigDecimal.ZERO, DayOfWeek.THURSDAY, BigDecimal.ZERO,
                DayOfWeek.FRIDAY, BigDecimal.ZERO));
        GoalPeriod midweek = GoalPeriod.parse("2026-11-24..2026-11-26", BERLIN);
        Instant halfway = midweek.start().plus(java.time.Duration.ofMinutes(36 * 60));
        assertThat(weekendOnly.expectedFraction(midweek, halfway)) // no weight anywhere: linear, half of 3 days
                .isEqualByComparingTo(new LinearPacing().expectedFraction(midweek, halfway))
                .isEqualByComparingTo("0.5");
    }
}
