package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The simulated holdout test measures the lift the causal model implies, within its interval. */
class ExperimentTest {

    /**
     * The lift the test estimates, computed here without drawing outcomes: over the customers the channel reaches,
     * mean P(convert | as seen) over mean P(convert | without the channel), minus 1.
     */
    private static double expectedLift(Scenario scenario, String channel, int customers, long seed) {
        double with = 0;
        double without = 0;
        for (Customer customer : Simulator.run(scenario, customers, seed)) {
            if (customer.touches().stream().noneMatch(t -> t.channel().equals(channel))) {
                continue;
            }
            CausalModel model = scenario.model();
            with += model.probability(model.exposure(customer.touches(), customer.decisionDay()), customer.intent());
            List<Touch> held = customer.touches().stream().filter(t -> !t.channel().equals(channel)).toList();
            without += model.probability(model.exposure(held, customer.decisionDay()), customer.intent());
        }
        return with / without - 1;
    }

    @Test
    void aChannelWithLiftIsMeasuredWithinItsIntervalAndAZeroLiftChannelNearZero() {
        Scenario confounded = Scenario.named("confounded");
        Experiment search = Experiment.run(confounded, "paid_search", 60_000, 11);
        double expected = expectedLift(confounded, "paid_search", 60_000, 11);
        assertThat(expected).isGreaterThan(0.2);
        assertThat(search.low()).isLessThanOrEqualTo(expected);
        assertThat(search.high()).isGreaterThanOrEqualTo(expected);
        assertThat(search.incrementalShare()).isEqualTo(search.lift() / (1 + search.lift()));

        Experiment direct = Experiment.run(confounded, "direct", 60_000, 11);
        assertThat(expectedLift(confounded, "direct", 60_000, 11)).isZero();
        assertThat(direct.low()).isLessThanOrEqualTo(0.0);
        assertThat(direct.high()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void anUnknownChannelIsRefused() {
        assertThatThrownBy(() -> Experiment.run(Scenario.named("synergy"), "tv", 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no channel tv");
    }
}
