package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * ChannelAttribution's Markov definitions, against absorbing chains solved by hand (fractions in the comments), to
 * 1e-9.
 */
class ChannelAttributionMarkovTest {

    private static final double EXACT = 1e-9;

    private static ChannelAttributionMarkov.Shares fit(int order, Object[]... rows) {
        ChannelDictionary channels = new ChannelDictionary();
        ChannelAttributionMarkov markov = new ChannelAttributionMarkov(order, channels);
        for (Object[] row : rows) {
            List<String> path = Arrays.asList(((String) row[0]).split(">"));
            int[] ids = channels.ids(path, new int[8]);
            markov.add(ids, path.size(), new BigDecimal(row[1].toString()), new BigDecimal(row[2].toString()),
                    new BigDecimal(row[3].toString()));
        }
        return markov.fit();
    }

    @Test
    void valueIsAttributedByValueWeightedRemovalEffects() {
        // rows: a converts worth 100; b converts worth 10; a > b does not convert.
        // start → a 2/3, → b 1/3; a → conversion 1/2, → b 1/2; b → conversion 1/2, → null 1/2.
        // P(b) = 1/2, P(a) = 1/2 + 1/2·1/2 = 3/4, P = 2/3·3/4 + 1/3·1/2 = 2/3.
        // without a: 1/3·1/2 = 1/6, effect 1/2; without b: 2/3·1/2 = 1/3, effect 1/3; shares a 3/5, b 2/5.
        // value: a conversion from a is worth 100, from b 10. E(b) = 5, E(a) = 50 + 1/2·5 = 52.5,
        // E = 2/3·52.5 + 1/3·5 = 110/3; without a: 5/3 (effect 35); without b: 2/3·50 = 100/3 (effect 10/3);
        // value shares a 35 / (115/3) = 21/23, b 2/23.
        ChannelAttributionMarkov.Shares shares = fit(1, new Object[]{"a", 1, "100", 0},
                new Object[]{"b", 1, "10", 0}, new Object[]{"a>b", 0, "0", 1});
        assertThat(shares.conversions().get("a")).isCloseTo(3.0 / 5, within(EXACT));
        assertThat(shares.conversions().get("b")).isCloseTo(2.0 / 5, within(EXACT));
        assertThat(shares.value().get("a")).isCloseTo(21.0 / 23, within(EXACT));
        assertThat(shares.value().get("b")).isCloseTo(2.0 / 23, within(EXACT));
    }

    @Test
    void atOrderTwoStatesAreSlidingWindowsAndAShortPathIsOneState() {
        // a > a > b converts: (a,a) → (a,b) → conversion; a > b > c does not: (a,b) → (b,c) → null;
        // c converts: one state (c). start → (a,a), (a,b), (c) 1/3 each; (a,a) → (a,b) 1; (a,b) → conversion 1/2,
        // → (b,c) 1/2; (b,c) → null; (c) → conversion. P = 1/3·1/2 + 1/3·1/2 + 1/3 = 2/3.
        // without a ((a,a), (a,b)): 1/3, effect 1/3; without b ((a,b), (b,c)): 1/3, effect 1/3;
        // without c ((b,c), (c)): 1/6 + 1/6, effect 1/3. Shares 1/3 each.
        ChannelAttributionMarkov.Shares shares = fit(2, new Object[]{"a>a>b", 1, "30", 0},
                new Object[]{"a>b>c", 0, "0", 1}, new Object[]{"c", 1, "60", 0});
        assertThat(shares.conversions()).containsOnlyKeys("a", "b", "c");
        shares.conversions().values().forEach(s -> assertThat(s).isCloseTo(1.0 / 3, within(EXACT)));
        // value: (a,b) is worth 30, (c) 60: E = 1/3·15 + 1/3·15 + 1/3·60 = 30; without a: 20 (effect 10);
        // without b: 20 (effect 10); without c: 10 (effect 20); shares 1/4, 1/4, 1/2.
        assertThat(shares.value().get("a")).isCloseTo(0.25, within(EXACT));
        assertThat(shares.value().get("b")).isCloseTo(0.25, within(EXACT));
        assertThat(shares.value().get("c")).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void consecutiveIdenticalStatesCollapse() {
        // a > a > a > b walks (a,a) → (a,a) → (a,b): the repeated window is one state, as a > a > b
        Map<String, Double> longer = fit(2, new Object[]{"a>a>a>b", 2, "20", 1}, new Object[]{"b", 1, "5", 3})
                .conversions();
        Map<String, Double> shorter = fit(2, new Object[]{"a>a>b", 2, "20", 1}, new Object[]{"b", 1, "5", 3})
                .conversions();
        assertThat(longer).isEqualTo(shorter);
        // but unlike Tally's states, a > a > b is not a > b at order 2: (a,a) → (a,b) against (a,b)
        Map<String, Double> collapsed = fit(2, new Object[]{"a>b", 2, "20", 1}, new Object[]{"b", 1, "5", 3})
                .conversions();
        // a > b alone: start → (a,b) 3/7, → (b) 4/7; (a,b) → conversion 2/3; (b) → conversion 1/4. P = 2/7 + 1/7.
        // without a: 1/7 (effect 2/7); without b: 0 (effect 3/7); shares 2/5, 3/5 — the same here, as (a,a) only
        // leads to (a,b): the windows differ, the removal effects do not.
        assertThat(collapsed.get("a")).isCloseTo(2.0 / 5, within(EXACT));
        assertThat(longer.get("a")).isCloseTo(2.0 / 5, within(EXACT));
    }
}
