package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The permutation-sampling estimator against exact enumeration at 16 channels. */
class ShapleySamplingTest {

    private static final List<PathStat> SIXTEEN_CHANNELS = DataDrivenFixtures.randomRows(41, 300, 16, 4);

    @Test
    void sampledValuesLieWithinFourStandardErrorsOfTheExactValues() {
        ShapleyResult exact = new ShapleyModel(16, 2, 0).fit(SIXTEEN_CHANNELS);
        ShapleyResult sampled = new ShapleyModel(15, 4_000, 99).fit(SIXTEEN_CHANNELS);

        assertThat(exact.exact()).isTrue();
        assertThat(sampled.exact()).isFalse();
        assertThat(sampled.samples()).isEqualTo(4_000);
        assertThat(sampled.values()).hasSize(16);
        sampled.values().forEach((channel, phi) -> {
            double error = sampled.standardErrors().get(channel);
            assertThat(error).as(channel).isPositive();
            assertThat(Math.abs(phi - exact.values().get(channel))).as(channel).isLessThan(4 * error);
        });
    }

    @Test
    void sampledInteractionsLieWithinFiveStandardErrorsOfTheExactOnes() {
        ShapleyResult exact = new ShapleyModel(16, 2, 0).fit(SIXTEEN_CHANNELS);
        ShapleyResult sampled = new ShapleyModel(15, 4_000, 99).fit(SIXTEEN_CHANNELS);

        assertThat(sampled.interactions()).hasSize(16 * 15 / 2);
        for (ShapleyResult.Interaction pair : sampled.interactions()) {
            double expected = exact.interaction(pair.first(), pair.second());
            assertThat(Math.abs(pair.index() - expected)).as(pair.first() + "×" + pair.second()).isLessThanOrEqualTo(
                    Math.max(5 * pair.standardError(), 1e-12));
        }
    }

    @Test
    void sampledValuesKeepEfficiencyAndRepeatForTheSameSeed() {
        ShapleyResult once = new ShapleyModel(15, 500, 7).fit(SIXTEEN_CHANNELS);
        ShapleyResult again = new ShapleyModel(15, 500, 7).fit(SIXTEEN_CHANNELS);
        ShapleyResult otherSeed = new ShapleyModel(15, 500, 8).fit(SIXTEEN_CHANNELS);

        double sum = once.values().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(once.grandValue(), within(1e-9));
        assertThat(again.values()).isEqualTo(once.values());
        assertThat(again.standardErrors()).isEqualTo(once.standardErrors());
        assertThat(otherSeed.values()).isNotEqualTo(once.values());
    }

    @Test
    void exactEnumerationAtSixteenChannelsKeepsEfficiency() {
        ShapleyResult exact = new ShapleyModel(16, 2, 0).fit(SIXTEEN_CHANNELS);

        double sum = exact.values().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(exact.grandValue(), within(1e-12));
        assertThat(exact.standardErrors()).allSatisfy((c, error) -> assertThat(error).isZero());
    }
}
