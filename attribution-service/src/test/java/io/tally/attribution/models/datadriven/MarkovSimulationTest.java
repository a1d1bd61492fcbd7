package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The exact solver against a brute-force random walk on the same estimated chain. */
class MarkovSimulationTest {

    private static final int WALKS = 200_000;

    @Test
    void exactConversionProbabilityAgreesWithSimulatedWalks() {
        for (int order = 1; order <= 3; order++) {
            MarkovChain chain = new MarkovModel(order).fit(DataDrivenFixtures.randomRows(5, 40, 4, 6)).chain();

            assertWithinFourStandardErrors(chain.conversionProbability(), simulate(chain, null, order));
        }
    }

    @Test
    void exactProbabilityWithAChannelRemovedAgreesWithSimulatedWalks() {
        for (int order = 1; order <= 2; order++) {
            MarkovChain chain = new MarkovModel(order).fit(DataDrivenFixtures.randomRows(9, 40, 4, 6)).chain();

            for (String removed : List.of("c0", "c2")) {
                double exact = chain.conversionProbabilityWithout(removed);
                assertThat(exact).isLessThan(chain.conversionProbability());
                assertWithinFourStandardErrors(exact, simulate(chain, removed, order * 31 + removed.hashCode()));
            }
        }
    }

    private static void assertWithinFourStandardErrors(double exact, double simulated) {
        double standardError = Math.sqrt(Math.max(exact * (1 - exact), 1e-9) / WALKS);
        assertThat(Math.abs(exact - simulated)).as("exact %s, simulated %s", exact, simulated).isLessThan(4
                * standardError);
    }

    /** The share of seeded random walks from the start that end in conversion; entering a removed state ends in null. */
    private static double simulate(MarkovChain chain, String removed, long seed) {
        List<List<String>> states = chain.states();
        int n = states.size();
        Map<List<String>, Integer> index = new HashMap<>();
        states.forEach(s -> index.put(s, index.size()));
        int[][] next = new int[n][];
        double[][] cumulative = new double[n][];
        double[] conversion = new double[n];
        for (int s = 0; s < n; s++) {
            Map<List<String>, Double> successors = chain.successors(states.get(s));
            next[s] = new int[successors.size()];
            cumulative[s] = new double[successors.size()];
            double sum = 0;
            int e = 0;
            for (Map.Entry<List<String>, Double> successor : successors.entrySet()) {
                sum += successor.getValue();
                next[s][e] = index.get(successor.getKey());
                cumulative[s][e++] = sum;
            }
            conversion[s] = chain.conversionProbability(states.get(s));
        }
        SplittableRandom random = new SplittableRandom(seed);
        int converted = 0;
        for (int walk = 0; walk < WALKS; walk++) {
            int state = 0;
            while (state >= 0) {
                double u = random.nextDouble();
                int chosen = -1;
                for (int e = 0; e < next[state].length && chosen < 0; e++) {
                    if (u < cumulative[state][e]) {
                        chosen = next[state][e];
                    }
                }
                if (chosen < 0) {
                    double rest = u - (cumulative[state].length == 0
                            ? 0
                            : cumulative[state][cumulative[state].length
                                    - 1]);
                    converted += rest < conversion[state] ? 1 : 0;
                    state = -1;
                } else if (removed != null && states.get(chosen).contains(removed)) {
                    state = -1;
                } else {
                    state = chosen;
                }
            }
        }
        return (double) converted / WALKS;
    }
}
