package io.tally.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Hand-computed progress for a November goal of 100,000.00 EUR, linear pacing, Europe/Berlin. */
class ProgressCalculatorTest {

    private static final GoalPeriod NOVEMBER = GoalPeriod.parse("2026-11", ZoneId.of("Europe/Berlin"));
    private static final BigDecimal GOAL = new BigDecimal("100000.00");
    /** 16 November 00:00 in Berlin: half of November. */
    private static final Instant MID = Instant.parse("2026-11-15T23:00:00Z");
    private final ProgressCalculator calculator = new ProgressCalculator(new LinearPacing(), Thresholds.DEFAULT);

    private GoalProgress at(Instant now, String attributed, String cost) {
        return calculator.compute(GOAL, 2, new BigDecimal(attributed), new BigDecimal(cost), NOVEMBER, now);
    }

    @Test
    void midPeriodShortOfThePaceIsAtRisk() {
        GoalProgress p = at(MID, "45000.00", "9000.00");
        assertThat(p.elapsedFraction()).isEqualByComparingTo("0.5");
        assertThat(p.expectedToDate()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(p.variance()).isEqualTo(new BigDecimal("-5000.00"));
        assertThat(p.forecast()).isEqualTo(new BigDecimal("90000.00"));
        assertThat(p.forecastMethod()).isEqualTo("run_rate_linear");
        assertThat(p.percentOfGoal()).isEqualTo(new BigDecimal("45.00"));
        assertThat(p.roas()).isEqualTo(new BigDecimal("5.0000"));
        assertThat(p.remaining()).isEqualTo(new BigDecimal("55000.00"));
        // 15 days left including 16 November: 55,000 / 15
        assertThat(p.requiredDailyRate()).isEqualTo(new BigDecimal("3666.67"));
        assertThat(p.status()).isEqualTo(GoalStatus.AT_RISK); // 0.90 of the pace
    }

    @Test
    void theRatioToThePaceDecidesTheStatus() {
        assertThat(at(MID, "48000", "0").status()).isEqualTo(GoalStatus.ON_TRACK); // 0.96
        assertThat(at(MID, "47500", "0").status()).isEqualTo(GoalStatus.ON_TRACK); // 0.95 exactly
        assertThat(at(MID, "40000", "0").status()).isEqualTo(GoalStatus.AT_RISK); // 0.80 exactly
        assertThat(at(MID, "30000", "0").status()).isEqualTo(GoalStatus.BEHIND); // 0.60
        assertThat(at(MID, "100000", "0").status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(at(MID, "30000", "0").roas()).isNull();
    }

    @Test
    void atTheStartNothingIsExpectedOrForecast() {
        GoalProgress p = at(NOVEMBER.start(), "0", "0");
        assertThat(p.expectedToDate()).isEqualTo(new BigDecimal("0.00"));
        assertThat(p.forecast()).isNull();
        assertThat(p.forecastMethod()).isEqualTo("not_started");
        assertThat(p.status()).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(p.requiredDailyRate()).isEqualTo(new BigDecimal("3333.33")); // 100,000 / 30
        // a day in (1/30 < 5 % of the pace): too early to judge, even with nothing attributed
        assertThat(at(Instant.parse("2026-11-01T23:00:00Z"), "0", "0").status()).isEqualTo(GoalStatus.ON_TRACK);
        // two days in (2/30 > 5 %): nothing attributed is behind
        assertThat(at(Instant.parse("2026-11-02T23:00:00Z"), "0", "0").status()).isEqualTo(GoalStatus.BEHIND);
    }

    @Test
    void afterTheEndTheForecastIsWhatWasAttributed() {
        Instant after = Instant.parse("2026-12-05T10:00:00Z");
        GoalProgress shortOf = at(after, "92000.50", "10000");
        assertThat(shortOf.forecast()).isEqualTo(new BigDecimal("92000.50"));
        assertThat(shortOf.forecastMethod()).isEqualTo("final");
        assertThat(shortOf.status()).isEqualTo(GoalStatus.BEHIND);
        assertThat(shortOf.requiredDailyRate()).isNull();
        assertThat(shortOf.expectedToDate()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(at(after, "100000.01", "0").status()).isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void yenHasNoDecimals() {
        GoalProgress p = calculator.compute(new BigDecimal("1000000"), 0, new BigDecimal("333333"), BigDecimal.ZERO,
                NOVEMBER, Instant.parse("2026-11-10T23:00:00Z")); // 10 of 30 days
        assertThat(p.expectedToDate()).isEqualTo(new BigDecimal("333333"));
        assertThat(p.forecast()).isEqualTo(new BigDecimal("999999"));
    }

    @Test
    void aGoalMustBePositive() {
        for (String goal : new String[]{"0", "-1"}) {
            assertThatThrownBy(() -> calculator.compute(new BigDecimal(goal), 2, BigDecimal.ZERO, BigDecimal.ZERO,
                    NOVEMBER, MID)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("goal amount must be positive");
        }
    }
}
