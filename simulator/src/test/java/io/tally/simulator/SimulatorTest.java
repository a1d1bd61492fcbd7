package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void theSameSeedWritesTheSamePathFile() {
        Scenario scenario = Scenario.named("synergy");
        String first = pathFile(Simulator.run(scenario, 2000, 7));
        assertThat(pathFile(Simulator.run(scenario, 2000, 7))).isEqualTo(first);
        assertThat(pathFile(Simulator.run(scenario, 2000, 8))).isNotEqualTo(first);
    }

    @Test
    void inTheConfoundedScenarioHighIntentCustomersTypeTheAddressFarMoreOften() {
        // direct is reached with sigmoid(−1 + 1.5·u). Over u > 1 (mean u ≈ 1.52) that is from sigmoid(0.5) = 0.62
        // up, ≈ 0.76 on average; over u < −1 from sigmoid(−2.5) = 0.076 down, ≈ 0.04. About 3,200 customers on
        // each side (P(u > 1) = 0.159), so the standard error is under 0.01: bounds 0.6 and 0.15 are ten wide.
        List<Customer> customers = Simulator.run(Scenario.named("confounded"), 20_000, 7);
        assertThat(directRate(customers, c -> c.intent() > 1)).isGreaterThan(0.6);
        assertThat(directRate(customers, c -> c.intent() < -1)).isLessThan(0.15);
    }

    @Test
    void withoutConfoundingTheDirectRateDoesNotDependOnIntent() {
        // direct is reached with sigmoid(−0.5) = 0.378 whatever u; two groups of ~3,200: standard error of the
        // difference ≈ 0.012, bound 0.06 is five of them
        List<Customer> customers = Simulator.run(Scenario.named("no-confounding"), 20_000, 7);
        double high = directRate(customers, c -> c.intent() > 1);
        double low = directRate(customers, c -> c.intent() < -1);
        assertThat(high).isCloseTo(0.378, within(0.06));
        assertThat(high - low).isCloseTo(0, within(0.06));
    }

    @Test
    void zeroLiftChannelsHaveNoTrueCreditAndSharesSumToOne() {
        // direct and display have lift 0 and no synergy in every shipped scenario: φ = 0 exactly per customer
        for (String name : Scenario.NAMES) {
            Scenario scenario = Scenario.named(name);
            List<Customer> customers = Simulator.run(scenario, 1000, 3);
            Map<String, Double> shares = Truth
                    .shares(Truth.credit(scenario.model(), customers, Truth.Weight.REVENUE));
            assertThat(shares.get("direct")).as(name).isEqualTo(0.0);
            assertThat(shares.get("display")).as(name).isEqualTo(0.0);
            assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).as(name).isCloseTo(1,
                    within(1e-9));
        }
    }

    @Test
    void journeysAreTimeOrderedWithinTheJourneyAndValuesHaveCents() {
        Scenario scenario = Scenario.named("long-journeys");
        for (Customer customer : Simulator.run(scenario, 500, 11)) {
            assertThat(customer.touches()).isSortedAccordingTo((a, b) -> Double.compare(a.day(), b.day()));
            assertThat(customer.touches()).allSatisfy(touch -> assertThat(touch.day()).isBetween(0.0, 60.0));
            assertThat(customer.orderValue().scale()).isEqualTo(2);
            assertThat(customer.decisionDay()).isEqualTo(60.0);
        }
    }

    @Test
    void lateChannelsTouchWithinTheLastDay() {
        // confounded: direct and paid_search fall in (14 − 1, 14]
        for (Customer customer : Simulator.run(Scenario.named("confounded"), 500, 5)) {
            customer.touches().stream().filter(t -> t.channel().equals("direct") || t.channel().equals("paid_search"))
                    .forEach(touch -> assertThat(touch.day()).isGreaterThan(13.0).isLessThanOrEqualTo(14.0));
        }
    }

    @Test
    void anUnknownScenarioIsRefusedNamingTheShippedOnes() {
        assertThatThrownBy(() -> Scenario.named("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confounded").hasMessageContaining("many-channels");
    }

    private static double directRate(List<Customer> customers, Predicate<Customer> group) {
        List<Customer> members = customers.stream().filter(group).toList();
        long reached = members.stream()
                .filter(c -> c.touches().stream().anyMatch(t -> t.channel().equals("direct"))).count();
        return (double) reached / members.size();
    }

    private static String pathFile(List<Customer> customers) {
        StringWriter out = new StringWriter();
        PathFiles.write(customers, true, out);
        return out.toString();
    }
}
