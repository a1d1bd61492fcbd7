package io.tally.attribution.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.tally.attribution.models.datadriven.IncrementalModel;

/** A bootstrap replicate's lift, drawn from the experiment's interval at its level. */
class ExperimentDrawsTest {

    private static Experiments.Revision experiment(String lift, String low, String high, String level) {
        return new Experiments.Revision("exp-1", 1, "email", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 28),
                "holdout", new BigDecimal(lift), new BigDecimal(low), new BigDecimal(high), new BigDecimal(level),
                null, false, "ana@example.com", Instant.EPOCH);
    }

    /** The lift L of a calibration: its incremental share s is L / (1 + L), so L = s / (1 − s). */
    private static double lift(IncrementalModel.Calibration c) {
        return c.incrementalShare() / (1 - c.incrementalShare());
    }

    @Test
    void theDrawnLiftsFallInTheIntervalAsOftenAsItsLevelSays() {
        // log(1 + L) = log 1.5 ± 0.2: the interval [1.5·e^−0.2 − 1, 1.5·e^0.2 − 1] = [0.228096, 0.832104]
        for (String level : new String[]{"0.8", "0.9", "0.95", "0.99"}) {
            Experiments.Revision test = experiment("0.5", "0.228096", "0.832104", level);
            SplittableRandom random = new SplittableRandom(1);
            int inside = 0;
            int draws = 40_000;
            double[] logs = new double[draws];
            for (int i = 0; i < draws; i++) {
                double drawn = lift(test.calibration(random));
                logs[i] = Math.log1p(drawn);
                if (drawn >= 0.228096 && drawn <= 0.832104) {
                    inside++;
                }
            }
            assertThat((double) inside / draws).as("level " + level).isCloseTo(Double.parseDouble(level),
                    within(0.006));
            java.util.Arrays.sort(logs);
            assertThat(logs[draws / 2]).as("median").isCloseTo(Math.log(1.5), within(0.005));
        }
    }

    @Test
    void aPointIntervalDrawsTheLiftItself() {
        Experiments.Revision point = experiment("0.42", "0.42", "0.42", "0.9");
        assertThat(lift(point.calibration(new SplittableRandom(3)))).isCloseTo(0.42, within(1e-12));
        assertThat(point.calibration(new SplittableRandom(3))).isEqualTo(point.calibration());
    }
}
