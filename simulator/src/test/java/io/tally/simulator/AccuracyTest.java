package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void identicalSharesAreAtDistanceZero() {
        Map<String, Double> shares = Map.of("email", 0.25, "paid_search", 0.75);
        assertThat(Accuracy.totalVariation(shares, Map.copyOf(shares))).isEqualTo(0.0);
        assertThat(Accuracy.maxAbsoluteError(shares, Map.copyOf(shares))).isEqualTo(0.0);
    }

    @Test
    void disjointSharesAreAtDistanceOne() {
        // ½(|1 − 0| + |0 − 1|) = 1
        assertThat(Accuracy.totalVariation(Map.of("email", 1.0), Map.of("direct", 1.0))).isCloseTo(1, within(1e-12));
    }

    @Test
    void aMiddleCaseByHand() {
        // p = {a .5, b .3, c .2}, q = {a .4, b .4, d .2}
        // |.1| + |.1| + |.2 − 0| + |0 − .2| = .6 → TVD .3; largest error .2 (c and d)
        Map<String, Double> p = Map.of("a", 0.5, "b", 0.3, "c", 0.2);
        Map<String, Double> q = Map.of("a", 0.4, "b", 0.4, "d", 0.2);
        assertThat(Accuracy.totalVariation(p, q)).isCloseTo(0.3, within(1e-12));
        assertThat(Accuracy.maxAbsoluteError(p, q)).isCloseTo(0.2, within(1e-12));
    }
}
