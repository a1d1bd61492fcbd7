package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CostsTest {

    @Test
    void aChannelCostsItsTouchesTimesItsCostPerTouchExactly() {
        Scenario scenario = Scenario.named("confounded");
        // paid_search 1.20 a click, email 0.02 a touch, direct_mail 1.50 a piece, direct free
        List<Customer> customers = List.of(
                new Customer(1, 0.3, List.of(new Touch("paid_search", "click", 1), new Touch("email", "open", 2),
                        new Touch("paid_search", "click", 3)), 14, true, new BigDecimal("80.00")),
                new Customer(2, -1, List.of(new Touch("email", "click", 5), new Touch("direct", "visit", 6),
                        new Touch("direct_mail", "contact", 7)), 14, false, new BigDecimal("20.00")));
        Map<String, BigDecimal> costs = Costs.of(scenario, customers);
        assertThat(costs.get("paid_search")).isEqualByComparingTo("2.40");
        assertThat(costs.get("email")).isEqualByComparingTo("0.04");
        assertThat(costs.get("direct_mail")).isEqualByComparingTo("1.50");
        assertThat(costs.get("direct")).isEqualByComparingTo("0");
        // channels nobody met cost nothing but are listed
        assertThat(costs.get("paid_social")).isEqualByComparingTo("0");
        assertThat(costs).containsOnlyKeys(scenario.channels().stream().map(ChannelSpec::channel).toList());

        assertThatThrownBy(() -> Costs.of(scenario, List.of(new Customer(3, 0, List.of(new Touch("tv", "spot", 1)),
                14, false, BigDecimal.ONE)))).hasMessageContaining("no channel tv");
    }

    @Test
    void roiIsRevenueLessCostOverCost() {
        // (190.00 − 65.00) / 65.00 = 1.923076… → 1.9231
        assertThat(Costs.roi(new BigDecimal("190.00"), new BigDecimal("65.00"))).isEqualByComparingTo("1.9231");
        assertThat(Costs.roi(new BigDecimal("10.00"), new BigDecimal("40.00"))).isEqualByComparingTo("-0.75");
        assertThat(Costs.roi(new BigDecimal("10.00"), BigDecimal.ZERO)).isNull();
    }
}
