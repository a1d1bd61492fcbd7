package io.tally.attribution.models.datadriven;

import static io.tally.attribution.models.datadriven.DataDrivenFixtures.path;
import static io.tally.attribution.models.datadriven.DataDrivenFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.tally.attribution.models.LargestRemainder;

class TouchWeightsTest {

    @Test
    void splitsAChannelsWeightEquallyOverItsTouches() {
        Map<String, BigDecimal> weights = Map.of("social", new BigDecimal("0.6"), "email", new BigDecimal("0.4"));

        List<BigDecimal> perTouch = TouchWeights.perTouch(weights, path("social > email > social > social"));

        assertThat(LargestRemainder.split(1_000, perTouch)).containsExactly(200, 400, 200, 200);
    }

    @Test
    void zeroAndUnknownChannelsEarnNothing() {
        Map<String, BigDecimal> weights = Map.of("social", BigDecimal.ONE, "email", BigDecimal.ZERO);

        List<BigDecimal> perTouch = TouchWeights.perTouch(weights, path("email > direct > social"));

        assertThat(perTouch.get(0).signum()).isZero();
        assertThat(perTouch.get(1).signum()).isZero();
        assertThat(LargestRemainder.split(999, perTouch)).containsExactly(0, 0, 999);
    }

    @Test
    void fallsBackToEqualWeightsWhenNoTouchHasWeight() {
        List<BigDecimal> perTouch = TouchWeights.perTouch(Map.of("email", BigDecimal.ZERO), path("email > direct"));

        assertThat(perTouch).containsExactly(BigDecimal.ONE, BigDecimal.ONE);
        assertThatThrownBy(() -> TouchWeights.perTouch(Map.of(), List.of())).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("journey");
    }

    @Test
    void creditsFromModelWeightsSumExactlyToTheRevenue() {
        List<PathStat> rows = DataDrivenFixtures.randomRows(13, 60, 6, 5);
        List<Map<String, BigDecimal>> models = List.of(new MarkovModel(1).fit(rows).weights(), new MarkovModel(3)
                .fit(rows).weights(), new ShapleyModel().fit(rows).weights());
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            List<String> journey = new ArrayList<>();
            for (int t = 0, length = 1 + random.nextInt(12); t < length; t++) {
                journey.add("c" + random.nextInt(7));
            }
            long revenue = random.nextLong(10_000_000_000L);
            for (Map<String, BigDecimal> weights : models) {
                long[] credits = LargestRemainder.split(revenue, TouchWeights.perTouch(weights, journey));

                assertThat(Arrays.stream(credits).sum()).isEqualTo(revenue);
                assertThat(Arrays.stream(credits).min().orElseThrow()).isNotNegative();
            }
        }
    }

    @Test
    void markovWeightsFollowTheRemovalEffects() {
        MarkovResult result = new MarkovModel(1).fit(List.of(row("A > B", 1, 0), row("A", 0, 1), row("B", 1, 1)));

        long[] credits = LargestRemainder.split(10_000, TouchWeights.perTouch(result.weights(), path("A > B")));

        assertThat(credits).containsExactly(2_500, 7_500);
    }
}
