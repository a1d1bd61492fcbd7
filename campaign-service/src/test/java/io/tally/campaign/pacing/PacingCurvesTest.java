package io.tally.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PacingCurvesTest {

    private static final GoalPeriod WEEK = GoalPeriod.parse("2026-11-02..2026-11-08", ZoneId.of("UTC")); // Mon–Sun

    @Test
    void linearIsTheDefault() {
        assertThat(PacingCurves.of(null, Map.of())).isInstanceOf(LinearPacing.class);
        assertThat(PacingCurves.problems(null, null)).isEmpty();
    }

    @Test
    void weekdayWeightsShapeTheCurveAndMissingDaysWeighOne() {
        // Mon–Fri weigh 1, Sat 0.5, Sun 0: 5.5 in all; by Saturday 00:00 five of them are done
        PacingCurve curve = PacingCurves.of("weekday", Map.of("saturday", "0.5", "SUNDAY", "0"));
        assertThat(curve.name()).isEqualTo("weekday");
        assertThat(curve.expectedFraction(WEEK, Instant.parse("2026-11-07T00:00:00Z")))
                .isEqualByComparingTo(new BigDecimal(5).divide(new BigDecimal("5.5"), java.math.MathContext.DECIMAL64));
        assertThat(curve.expectedFraction(WEEK, Instant.parse("2026-11-08T00:00:00Z")))
                .isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void badSettingsNameTheirField() {
        assertThat(PacingCurves.problems("seasonal", Map.of())).extracting(PacingCurves.Problem::field)
                .containsExactly("pacing");
        assertThat(PacingCurves.problems("linear", Map.of("monday", "2"))).extracting(PacingCurves.Problem::field)
                .containsExactly("weekdayWeights");
        assertThat(PacingCurves.problems("weekday", Map.of("funday", "1", "monday", "-1", "friday", "x")))
                .extracting(PacingCurves.Problem::field)
                .containsExactlyInAnyOrder("weekdayWeights.funday", "weekdayWeights.monday", "weekdayWeights.friday");
        Map<String, String> allZero = Map.of("monday", "0", "tuesday", "0", "wednesday", "0", "thursday", "0",
                "friday", "0", "saturday", "0", "sunday", "0");
        assertThat(PacingCurves.problems("weekday", allZero)).extracting(PacingCurves.Problem::reason)
                .containsExactly("at least one weekday must weigh more than 0");
    }
}
