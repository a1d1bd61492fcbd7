package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TruthTest {

    private static final double LN3 = Math.log(3);

    /**
     * β0 = −ln 3 (P0 = 1/4), γ = ln 3, lift a = ln 3, lift b = 0, synergy(a, b) = ln 4, no decay. At u = 0:
     *
     * <pre>
     * S       logit           P(S)            v(S) = P(S) − 1/4
     * ∅       −ln 3           1/4             0
     * {a}     0               1/2             0.25
     * {b}     −ln 3           1/4             0
     * {a,b}   ln 4            4/5             0.55
     * </pre>
     */
    private static final CausalModel SYNERGY = new CausalModel(-LN3, LN3, Map.of("a", LN3, "b", 0.0),
            Map.of(ChannelPair.of("a", "b"), Math.log(4)), Double.POSITIVE_INFINITY);

    @Test
    void synergyIsSplitEquallyBetweenThePair() {
        // φ_a = ½(v{a} − v∅) + ½(v{a,b} − v{b}) = ½·0.25 + ½·0.55 = 0.40
        // φ_b = ½(v{b} − v∅) + ½(v{a,b} − v{a}) = ½·0 + ½·0.30 = 0.15
        // interaction v{a,b} − v{a} − v{b} = 0.30, half each: φ_a = 0.25 + 0.15, φ_b = 0 + 0.15
        Map<String, Double> phi = Truth.shapley(SYNERGY, Map.of("a", 1.0, "b", 1.0), 0);
        assertThat(phi).containsOnlyKeys("a", "b");
        assertThat(phi.get("a")).isCloseTo(0.40, within(1e-12));
        assertThat(phi.get("b")).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void aZeroLiftChannelGetsExactlyNothing() {
        // direct has lift 0 and no synergy: v(S ∪ {direct}) = v(S) for every S, so φ_direct = 0 exactly;
        // a alone: v{a} = 1/2 − 1/4 = 0.25 = φ_a
        Map<String, Double> phi = Truth.shapley(SYNERGY, Map.of("a", 1.0, "direct", 1.0), 0);
        assertThat(phi.get("direct")).isEqualTo(0.0);
        assertThat(phi.get("a")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void creditSumsOverEveryCustomerInConversionsOrRevenue() {
        // customer 1: u = 0, saw a only → φ_a = 0.25; order value 100.00, did not convert (still counts)
        // customer 2: u = 0, saw a and b → φ_a = 0.40, φ_b = 0.15; order value 20.00, converted
        // customer 3: u = 1, γ = ln 3 → base logit −ln 3 + ln 3 = 0 (P0 = 1/2); with a → logit ln 3, P = 3/4,
        // φ_a = 3/4 − 1/2 = 0.25; order value 40.00, did not convert
        // conversions: a = 0.25 + 0.40 + 0.25 = 0.90, b = 0.15; total 1.05 → shares 6/7, 1/7
        // revenue: a = 25 + 8 + 10 = 43, b = 3; total 46 → shares 43/46, 3/46
        List<Customer> customers = List.of(customer(1, 0, "100.00", false, "a"),
                customer(2, 0, "20.00", true, "a", "b"), customer(3, 1, "40.00", false, "a"));
        Map<String, Double> conversions = Truth.credit(SYNERGY, customers, Truth.Weight.CONVERSIONS);
        assertThat(conversions.get("a")).isCloseTo(0.90, within(1e-12));
        assertThat(conversions.get("b")).isCloseTo(0.15, within(1e-12));
        Map<String, Double> shares = Truth.shares(conversions);
        assertThat(shares.get("a")).isCloseTo(6.0 / 7, within(1e-12));
        assertThat(shares.get("b")).isCloseTo(1.0 / 7, within(1e-12));
        Map<String, Double> revenue = Truth.credit(SYNERGY, customers, Truth.Weight.REVENUE);
        assertThat(revenue.get("a")).isCloseTo(43, within(1e-9));
        assertThat(revenue.get("b")).isCloseTo(3, within(1e-9));
        assertThat(Truth.shares(revenue).get("a")).isCloseTo(43.0 / 46, within(1e-12));
    }

    @Test
    void creditUsesTheDecayedExposure() {
        // half-life 7, β0 = −ln 3, lift a = 2·ln 3; touch at day 0, decision at day 7: e = 1/2
        // logit = −ln 3 + 2·ln 3 · 1/2 = 0 → P = 1/2, v{a} = 1/2 − 1/4 = 0.25 = φ_a
        CausalModel decaying = new CausalModel(-LN3, 0, Map.of("a", 2 * LN3), Map.of(), 7);
        Customer customer = new Customer(1, 0, List.of(new Touch("a", "click", 0)), 7, true,
                new BigDecimal("10.00"));
        assertThat(Truth.credit(decaying, List.of(customer), Truth.Weight.CONVERSIONS).get("a")).isCloseTo(0.25,
                within(1e-12));
    }

    @Test
    void sharesSumToOne() {
        // 0.9/1.05 + 0.15/1.05 = 1
        Map<String, Double> shares = Truth.shares(Map.of("a", 0.90, "b", 0.15));
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void eachCustomersCreditAddsUpToWhatTheirTouchesAddedAndTwinChannelsShareEqually() {
        // efficiency: Σ_i φ_i = v(N) = P(all seen) − P(none), for every simulated customer of many-channels
        Scenario scenario = Scenario.named("many-channels");
        CausalModel model = scenario.model();
        for (Customer customer : Simulator.run(scenario, 300, 13)) {
            Map<String, Double> exposure = model.exposure(customer.touches(), customer.decisionDay());
            double added = model.probability(exposure, customer.intent()) - model.probability(Map.of(),
                    customer.intent());
            double sum = Truth.shapley(model, exposure, customer.intent()).values().stream()
                    .mapToDouble(Double::doubleValue).sum();
            assertThat(sum).isCloseTo(added, within(1e-12));
        }
        // symmetry: x and y have the same lift and exposure, so the same φ
        CausalModel twins = new CausalModel(0, 0, Map.of("x", 0.7, "y", 0.7, "z", 0.2), Map.of(),
                Double.POSITIVE_INFINITY);
        Map<String, Double> phi = Truth.shapley(twins, Map.of("x", 1.0, "y", 1.0, "z", 1.0), 0);
        assertThat(phi.get("x")).isCloseTo(phi.get("y"), within(1e-15));
    }

    @Test
    void threeTwinChannelsShareWhatTheyAddInThirds() {
        // β0 = −ln 27, lifts ln 3 each: P0 = 1/(1 + 27) = 1/28; all three → logit 0 → P = 1/2
        // v(N) = 1/2 − 1/28 = 13/28; the players are symmetric, so each φ = v(N)/3 = 13/84
        CausalModel model = new CausalModel(-Math.log(27), 0, Map.of("x", LN3, "y", LN3, "z", LN3), Map.of(),
                Double.POSITIVE_INFINITY);
        Map<String, Double> phi = Truth.shapley(model, Map.of("x", 1.0, "y", 1.0, "z", 1.0), 0);
        assertThat(phi).hasSize(3).allSatisfy((channel, value) -> assertThat(value).isCloseTo(13.0 / 84,
                within(1e-12)));
    }

    @Test
    void moreThanTwelveChannelsForOneCustomerAreRefused() {
        Map<String, Double> exposure = new HashMap<>();
        for (int i = 0; i < 13; i++) {
            exposure.put("c" + i, 1.0);
        }
        assertThatThrownBy(() -> Truth.shapley(SYNERGY, exposure, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
    }

    private static Customer customer(long id, double intent, String value, boolean converted, String... channels) {
        List<Touch> touches = Arrays.stream(channels).map(channel -> new Touch(channel, "click", 1))
                .toList();
        return new Customer(id, intent, touches, 2, converted, new BigDecimal(value));
    }
}
