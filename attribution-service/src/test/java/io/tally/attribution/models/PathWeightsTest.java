package io.tally.attribution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;

/**
 * {@link AttributionModel#pathWeights} is the same rule as {@link AttributionModel#weights} for a journey known only by
 * its channels: for every model that path files can evaluate, on seeded random journeys with direct touches and
 * channels a custom factor excludes, the normalised shares agree to 1e-12.
 */
class PathWeightsTest {

    @Test
    void pathWeightsAreTheModelsWeightsForEveryEvaluableModel() {
        Map<Channel, BigDecimal> factors = Map.of(Channel.EMAIL, new BigDecimal("1.5"), Channel.DISPLAY,
                BigDecimal.ZERO, Channel.DIRECT, new BigDecimal("0.25"));
        ModelRegistry registry = ModelRegistry.ruleBased(Duration.ofDays(7), Map.of(), factors);
        Channel[] pool = {Channel.EMAIL, Channel.DISPLAY, Channel.DIRECT, Channel.PAID_SOCIAL, Channel.ORGANIC_SEARCH};
        SplittableRandom random = new SplittableRandom(20261122L);
        int checked = 0;
        for (String name : registry.names()) {
            if (name.equals(TimeDecayModel.NAME)) {
                continue; // reads touch times, which paths do not have
            }
            AttributionModel model = registry.find(name).orElseThrow();
            for (int trial = 0; trial < 500; trial++) {
                int length = 1 + random.nextInt(trial < 50 ? 3 : 30);
                Channel[] channels = new Channel[length];
                List<JourneyTouch> journey = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    // some journeys only of display (factor 0), to reach custom's equal-shares fallback
                    channels[i] = trial % 25 == 0 ? Channel.DISPLAY : pool[random.nextInt(pool.length)];
                    journey.add(new JourneyTouch(Instant.EPOCH, channels[i]));
                }
                double[] expected = normalised(model.weights(journey, Instant.EPOCH).stream()
                        .mapToDouble(BigDecimal::doubleValue).toArray());
                double[] into = new double[length + 2];
                model.pathWeights(channels, length, into);
                double[] actual = normalised(java.util.Arrays.copyOf(into, length));
                for (int i = 0; i < length; i++) {
                    assertThat(actual[i]).as("%s, touch %d of %s", name, i, journey).isCloseTo(expected[i],
                            within(1e-12));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(500 * (registry.names().size() - 1));
    }

    private static double[] normalised(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] shares = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            shares[i] = weights[i] / total;
        }
        return shares;
    }
}
