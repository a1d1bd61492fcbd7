package io.tally.attribution.models.datadriven;

import static io.tally.attribution.models.datadriven.DataDrivenFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ShapleyModelTest {

    private static final double EXACT = 1e-12;

    @Test
    void agreesWithBruteForceOverAllPermutations() {
        List<List<PathStat>> cases = List.of(
                List.of(row("A", 1, 3), row("B", 2, 2), row("C", 0, 4), row("A > B", 3, 1), row("B > C > A", 2, 0)),
                List.of(row("social > email", 5, 5), row("social", 1, 9), row("email", 2, 8), row("search", 4, 6),
                        row("email > search > social", 3, 1)),
                DataDrivenFixtures.randomRows(17, 40, 5, 4));
        for (List<PathStat> rows : cases) {
            ShapleyResult result = new ShapleyModel().fit(rows);
            Map<String, Double> expected = bruteForceValues(rows);

            assertThat(result.exact()).isTrue();
            assertThat(result.values().keySet()).isEqualTo(expected.keySet());
            expected.forEach((channel, phi) -> assertThat(result.values().get(channel)).as(channel).isCloseTo(phi,
                    within(EXACT)));
            for (ShapleyResult.Interaction pair : result.interactions()) {
                assertThat(pair.index()).isCloseTo(bruteForceInteraction(rows, pair.first(), pair.second()), within(
                        EXACT));
            }
        }
    }

    @Test
    void valuesSumToTheConversionRateOfAllChannels() {
        List<PathStat> rows = DataDrivenFixtures.randomRows(23, 80, 8, 5);

        ShapleyResult result = new ShapleyModel().fit(rows);

        double sum = result.values().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(result.grandValue()).isCloseTo(value(rows, channelsOf(rows)), within(EXACT)).isPositive();
        assertThat(sum).isCloseTo(result.grandValue(), within(EXACT));
        assertThat(result.shares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(
                EXACT));
    }

    /*
     * Every row converts at 1/2, so v(S) = 1/2 when S holds A or B and 0 otherwise: A and B are symmetric (φ = 1/4
     * each), D (seen only beside A) never changes v, and A and B substitute for each other: I(A,B) = 1/2 · (1/2 − 1/2
     * − 1/2 + 0) + 1/2 · (1/2 − 1/2 − 1/2 + 0) = −1/2.
     */
    @Test
    void symmetricChannelsGetEqualValuesAndADummyGetsNothing() {
        ShapleyResult result = new ShapleyModel().fit(List.of(row("A", 1, 1), row("B", 1, 1), row("A > B", 1, 1),
                row("A > D", 2, 2)));

        assertThat(result.values().get("A")).isCloseTo(0.25, within(EXACT));
        assertThat(result.values().get("B")).isCloseTo(0.25, within(EXACT));
        assertThat(result.values().get("D")).isCloseTo(0.0, within(EXACT));
        assertThat(result.interaction("A", "D")).isCloseTo(0.0, within(EXACT));
        assertThat(result.interaction("B", "A")).isCloseTo(-0.5, within(EXACT));
        assertThat(result.weights().get("D").signum()).isZero();
    }

    /* A and B alone never convert; together 10 of 10 do: v(A) = v(B) = 0, v(AB) = 10/30, I(A,B) = 1/3. */
    @Test
    void channelsThatOnlyConvertTogetherHavePositiveInteraction() {
        ShapleyResult result = new ShapleyModel().fit(List.of(row("social", 0, 10), row("email", 0, 10), row(
                "social > email", 10, 0)));

        assertThat(result.interaction("social", "email")).isCloseTo(1.0 / 3, within(EXACT)).isPositive();
        assertThat(result.values().get("social")).isCloseTo(1.0 / 6, within(EXACT));
    }

    /* v(A) = 1/4, v(B) = 1/4, v(AB) = (1 + 1 + 4) / (4 + 4 + 4) = 1/2 = v(A) + v(B): the effects add, I(A,B) = 0. */
    @Test
    void independentAdditiveChannelsHaveNoInteraction() {
        ShapleyResult result = new ShapleyModel().fit(List.of(row("A", 1, 3), row("B", 1, 3), row("A > B", 4, 0)));

        assertThat(result.interaction("A", "B")).isCloseTo(0.0, within(EXACT));
        assertThat(result.values().get("A")).isCloseTo(0.25, within(EXACT));
    }

    @Test
    void emptyPathsAndRowOrderDoNotChangeTheValues() {
        List<PathStat> rows = DataDrivenFixtures.randomRows(29, 60, 6, 4);
        List<PathStat> shuffled = new ArrayList<>(rows);
        shuffled.add(row("", 7, 3));
        Collections.shuffle(shuffled, new Random(1));

        assertThat(new ShapleyModel().fit(shuffled).values()).isEqualTo(new ShapleyModel().fit(rows).values());
    }

    @Test
    void withoutConversionsEveryValueIsZero() {
        ShapleyResult result = new ShapleyModel().fit(List.of(row("A > B", 0, 4), row("C", 0, 1)));

        assertThat(result.values()).containsOnlyKeys("A", "B", "C").allSatisfy((c, phi) -> assertThat(phi).isZero());
        assertThat(result.shares()).allSatisfy((c, share) -> assertThat(share).isZero());
    }

    @Test
    void refusesBadSettingsAndTooManyChannels() {
        assertThatThrownBy(() -> new ShapleyModel(21, 100, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactLimit");
        assertThatThrownBy(() -> new ShapleyModel(15, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples");
        List<PathStat> rows = new ArrayList<>();
        for (int c = 0; c < 65; c++) {
            rows.add(row("c" + c, 1, 1));
        }
        assertThatThrownBy(() -> new ShapleyModel().fit(rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 64 channels");
        assertThatThrownBy(() -> new ShapleyModel().fit(List.of(row("A", 1, 1))).interaction("A", "Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Z");
    }

    /** φ by averaging marginal contributions over every ordering of the channels, v computed from its definition. */
    static Map<String, Double> bruteForceValues(List<PathStat> rows) {
        List<String> channels = new ArrayList<>(channelsOf(rows));
        Map<String, Double> phi = new TreeMap<>();
        channels.forEach(c -> phi.put(c, 0.0));
        List<List<String>> permutations = permutations(channels);
        for (List<String> order : permutations) {
            Set<String> coalition = new HashSet<>();
            for (String channel : order) {
                double before = value(rows, coalition);
                coalition.add(channel);
                phi.merge(channel, (value(rows, coalition) - before) / permutations.size(), Double::sum);
            }
        }
        return phi;
    }

    /** I(a,b) from its defining sum over the subsets of the other channels. */
    static double bruteForceInteraction(List<PathStat> rows, String a, String b) {
        List<String> others = new ArrayList<>(channelsOf(rows));
        others.removeAll(List.of(a, b));
        int n = others.size() + 2;
        double sum = 0;
        for (int mask = 0; mask < 1 << others.size(); mask++) {
            Set<String> s = new HashSet<>();
            for (int i = 0; i < others.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    s.add(others.get(i));
                }
            }
            Set<String> sa = with(s, a);
            Set<String> sb = with(s, b);
            double weight = factorial(s.size()) * factorial(n - s.size() - 2) / factorial(n - 1);
            sum += weight * (value(rows, with(sa, b)) - value(rows, sa) - value(rows, sb) + value(rows, s));
        }
        return sum;
    }

    /** v(S): the conversion rate of the non-empty rows whose channels all lie in S, 0 when there are none. */
    static double value(List<PathStat> rows, Set<String> coalition) {
        double conversions = 0;
        double journeys = 0;
        for (PathStat row : rows) {
            if (!row.path().isEmpty() && coalition.containsAll(row.path())) {
                conversions += row.conversions().doubleValue();
                journeys += row.journeys().doubleValue();
            }
        }
        return journeys == 0 ? 0 : conversions / journeys;
    }

    static Set<String> channelsOf(List<PathStat> rows) {
        Set<String> channels = new TreeSet<>();
        rows.stream().filter(r -> r.journeys().signum() > 0).forEach(r -> channels.addAll(r.path()));
        return channels;
    }

    private static Set<String> with(Set<String> set, String channel) {
        Set<String> result = new HashSet<>(set);
        result.add(channel);
        return result;
    }

    private static double factorial(int k) {
        return k <= 1 ? 1 : k * factorial(k - 1);
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<String>> result = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
