package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CausalModelTest {

    private static final double LN3 = Math.log(3);
    private static final double NO_DECAY = Double.POSITIVE_INFINITY;

    @Test
    void oneChannelWithLiftLn3TurnsEvenOddsIntoThreeQuarters() {
        // β0 = 0, γ = 0: no touch → logit 0 → P = 1/(1+1) = 0.5
        // paid_search lift ln 3 → logit ln 3 → P = 3/(3+1) = 0.75
        CausalModel model = new CausalModel(0, 0, Map.of("paid_search", LN3), Map.of(), NO_DECAY);
        assertThat(model.probability(Map.of(), 0)).isCloseTo(0.5, within(1e-12));
        assertThat(model.probability(Map.of("paid_search", 1.0), 0)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void intentRaisesTheLogOdds() {
        // β0 = 0, γ = ln 4, u = 1 → logit ln 4 → P = 4/5 = 0.8; u = −1 → P = (1/4)/(1 + 1/4) = 0.2
        CausalModel model = new CausalModel(0, Math.log(4), Map.of(), Map.of(), NO_DECAY);
        assertThat(model.probability(Map.of(), 1)).isCloseTo(0.8, within(1e-12));
        assertThat(model.probability(Map.of(), -1)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aChannelTheModelDoesNotNameHasNoLift() {
        // direct has lift 0: logit stays β0 = ln 3 → P = 0.75 with or without it
        CausalModel model = new CausalModel(LN3, 0, Map.of("email", 1.0), Map.of(), NO_DECAY);
        assertThat(model.probability(Map.of("direct", 1.0), 0)).isEqualTo(model.probability(Map.of(), 0))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aTouchOneHalfLifeBeforeTheDecisionCountsHalf() {
        // half-life 7 days, email at day 0, decision at day 7: e = 2^(−7/7) = 0.5
        // lift 2·ln 3, β0 = 0 → logit = 2·ln 3 · 0.5 = ln 3 → P = 0.75
        CausalModel model = new CausalModel(0, 0, Map.of("email", 2 * LN3), Map.of(), 7);
        Map<String, Double> exposure = model.exposure(List.of(new Touch("email", "open", 0)), 7);
        assertThat(exposure).containsOnlyKeys("email");
        assertThat(exposure.get("email")).isCloseTo(0.5, within(1e-12));
        assertThat(model.probability(exposure, 0)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void theMostRecentTouchOfAChannelCountsAndLaterOnesAreIgnored() {
        // email at day 0 (e = 0.5) and day 7 (e = 1): e = max = 1; a touch at day 8 is after the decision
        // logit = 2·ln 3 = ln 9 → P = 9/10 = 0.9
        CausalModel model = new CausalModel(0, 0, Map.of("email", 2 * LN3), Map.of(), 7);
        Map<String, Double> exposure = model.exposure(List.of(new Touch("email", "open", 0),
                new Touch("email", "click", 7), new Touch("phone", "contact", 8)), 7);
        assertThat(exposure).containsOnly(Map.entry("email", 1.0));
        assertThat(model.probability(exposure, 0)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void synergyCountsOnlyWhenBothChannelsAreSeen() {
        // lifts 0, synergy(email, paid_social) = ln 3: one of them → logit 0 → 0.5; both → ln 3 → 0.75
        CausalModel model = new CausalModel(0, 0, Map.of(), Map.of(ChannelPair.of("paid_social", "email"), LN3),
                NO_DECAY);
        assertThat(model.probability(Map.of("email", 1.0), 0)).isCloseTo(0.5, within(1e-12));
        assertThat(model.probability(Map.of("email", 1.0, "paid_social", 1.0), 0)).isCloseTo(0.75, within(1e-12));
    }
}
