package io.tally.attribution.models.datadriven;

import static io.tally.attribution.models.datadriven.DataDrivenFixtures.path;
import static io.tally.attribution.models.datadriven.DataDrivenFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MarkovModelTest {

    private static final double EXACT = 1e-12;

    /*
     * Rows: A>B conv 1; A null 1; B conv 1 null 1. Transitions (weights): start→A 2, start→B 2; A→B 1, A→null 1;
     * B→conv 2, B→null 1. So x(B) = 2/3, x(A) = 1/2 · x(B) = 1/3, P = x(start) = 1/2 · 1/3 + 1/2 · 2/3 = 1/2 (= 2
     * conversions / 4 journeys). Without A: start→A goes to null, P = 1/2 · 2/3 = 1/3, RE(A) = 1 − (1/3)/(1/2) = 1/3.
     * Without B: nothing converts, RE(B) = 1. Shares: A (1/3)/(4/3) = 1/4, B 1/(4/3) = 3/4.
     */
    private static final List<PathStat> HAND_ORDER_1 = List.of(row("A > B", 1, 0), row("A", 0, 1), row("B", 1, 1));

    @Test
    void solvesASmallFirstOrderChainAsComputedByHand() {
        MarkovResult result = new MarkovModel(1).fit(HAND_ORDER_1);

        assertThat(result.conversionProbability()).isCloseTo(0.5, within(EXACT));
        assertThat(result.removalEffects().get("A")).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(result.removalEffects().get("B")).isCloseTo(1.0, within(EXACT));
        assertThat(result.shares().get("A")).isCloseTo(0.25, within(EXACT));
        assertThat(result.shares().get("B")).isCloseTo(0.75, within(EXACT));
        assertThat(result.chain().successors(List.of())).containsExactly(
                Map.entry(List.of("A"), 0.5), Map.entry(List.of("B"), 0.5));
        assertThat(result.chain().conversionProbability(List.of("B"))).isCloseTo(2.0 / 3, within(EXACT));
    }

    /*
     * Rows: A>B conv 1; B>A null 1; A conv 1 null 1. Order-2 states: [], [A], [B], [A,B], [B,A]. Transitions:
     * start→[A] 3, start→[B] 1; [A]→[A,B] 1, [A]→conv 1, [A]→null 1; [B]→[B,A] 1; [A,B]→conv 1; [B,A]→null 1.
     * x[A,B] = 1, x[B,A] = 0, x[B] = 0, x[A] = 1/3 · 1 + 1/3 = 2/3, P = 3/4 · 2/3 = 1/2. Without A (states [A], [A,B],
     * [B,A] gone): P = 0, RE(A) = 1. Without B ([B], [A,B], [B,A] gone): x[A] = 1/3, P = 3/4 · 1/3 = 1/4, RE(B) = 1/2.
     * Shares 2/3 and 1/3. (At order 1, A→B 1, A→conv 1, A→null 2 pool both visits to A; without B, x(A) = 1/4, P = 3/4 · 1/4 = 3/16
     * and RE(B) = 1 − (3/16)/(1/2) = 5/8: the memory matters.)
     */
    @Test
    void solvesASecondOrderChainAsComputedByHand() {
        List<PathStat> rows = List.of(row("A > B", 1, 0), row("B > A", 0, 1), row("A", 1, 1));

        MarkovResult second = new MarkovModel(2).fit(rows);
        MarkovResult first = new MarkovModel(1).fit(rows);

        assertThat(second.chain().states()).containsExactly(List.of(), List.of("A"), List.of("B"), List.of("A", "B"),
                List.of("B", "A"));
        assertThat(second.conversionProbability()).isCloseTo(0.5, within(EXACT));
        assertThat(second.removalEffects().get("A")).isCloseTo(1.0, within(EXACT));
        assertThat(second.removalEffects().get("B")).isCloseTo(0.5, within(EXACT));
        assertThat(second.shares().get("A")).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(second.shares().get("B")).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(first.removalEffects().get("B")).isCloseTo(5.0 / 8, within(EXACT));
    }

    @Test
    void thirdOrderStatesRememberTheLastThreeChannels() {
        MarkovChain chain = new MarkovModel(3).fit(List.of(row("A > B > C > D", 1, 0))).chain();

        assertThat(chain.states()).containsExactly(List.of(), List.of("A"), List.of("A", "B"), List.of("A", "B", "C"),
                List.of("B", "C", "D"));
        assertThat(chain.conversionProbability(List.of("B", "C", "D"))).isEqualTo(1.0);
    }

    @Test
    void sharesSumToOne() {
        for (int order = 1; order <= 3; order++) {
            MarkovResult result = new MarkovModel(order).fit(DataDrivenFixtures.randomRows(7, 60, 5, 6));

            assertThat(result.shares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    within(EXACT));
            assertThat(result.removalEffects().values()).allSatisfy(re -> assertThat(re).isBetween(0.0, 1.0));
        }
    }

    @Test
    void consecutiveRepeatsCollapseBeforeStatesAreBuilt() {
        List<PathStat> repeated = List.of(row("social > social > email", 3, 1), row("email > email", 1, 2));
        List<PathStat> collapsed = List.of(row("social > email", 3, 1), row("email", 1, 2));

        assertThat(repeated.get(0).collapsedPath()).containsExactly("social", "email");
        for (int order = 1; order <= 3; order++) {
            MarkovResult a = new MarkovModel(order).fit(repeated);
            MarkovResult b = new MarkovModel(order).fit(collapsed);
            assertThat(a.chain().states()).isEqualTo(b.chain().states());
            assertThat(a.removalEffects()).isEqualTo(b.removalEffects());
            assertThat(a.chain().successors(List.of("social"))).doesNotContainKey(List.of("social"));
        }
    }

    @Test
    void conversionProbabilityEqualsTheObservedConversionRate() {
        List<PathStat> rows = DataDrivenFixtures.randomRows(11, 80, 4, 7);
        BigDecimal conversions = rows.stream().map(PathStat::conversions).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal journeys = rows.stream().map(PathStat::journeys).reduce(BigDecimal.ZERO, BigDecimal::add);

        for (int order = 1; order <= 3; order++) {
            assertThat(new MarkovModel(order).fit(rows).conversionProbability()).isCloseTo(conversions.doubleValue()
                    / journeys.doubleValue(), within(1e-12));
        }
    }

    @Test
    void resultsAreIdenticalAcrossRunsAndIndependentOfRowOrder() {
        List<PathStat> rows = DataDrivenFixtures.randomRows(3, 50, 5, 5);
        List<PathStat> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(42));

        for (int order = 1; order <= 3; order++) {
            MarkovResult once = new MarkovModel(order).fit(rows);
            MarkovResult again = new MarkovModel(order).fit(rows);
            MarkovResult reordered = new MarkovModel(order).fit(shuffled);
            assertThat(again.removalEffects()).isEqualTo(once.removalEffects());
            assertThat(reordered.removalEffects()).isEqualTo(once.removalEffects());
            assertThat(reordered.shares()).isEqualTo(once.shares());
            assertThat(reordered.conversionProbability()).isEqualTo(once.conversionProbability());
        }
    }

    @Test
    void aChannelThatNeverConvertsHasNoRemovalEffect() {
        List<PathStat> rows = new ArrayList<>(HAND_ORDER_1);
        rows.add(row("C", 0, 2));
        rows.add(row("A > C", 0, 1));
        rows.add(row("B > C > C", 0, 3));

        for (int order = 1; order <= 3; order++) {
            MarkovResult result = new MarkovModel(order).fit(rows);
            assertThat(result.removalEffects().get("C")).isEqualTo(0.0);
            assertThat(result.shares().get("C")).isEqualTo(0.0);
            assertThat(result.removalEffects().get("B")).isPositive();
        }
    }

    @Test
    void anEmptyPathCountsInTheBaselineButCreditsNoChannel() {
        List<PathStat> rows = new ArrayList<>(HAND_ORDER_1);
        rows.add(row("", 2, 2));

        MarkovResult result = new MarkovModel(1).fit(rows);

        // start→conv 2/8 directly, plus 1/2 · (4/8) through the channels: P = 1/4 + 1/4 = 1/2.
        assertThat(result.conversionProbability()).isCloseTo(0.5, within(EXACT));
        assertThat(result.removalEffects()).containsOnlyKeys("A", "B");
        // Without B only the empty path converts: P = 1/4, RE(B) = 1/2.
        assertThat(result.removalEffects().get("B")).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void withoutConversionsEveryEffectIsZero() {
        MarkovResult result = new MarkovModel(2).fit(List.of(row("A > B", 0, 3), row("B", 0, 1)));

        assertThat(result.conversionProbability()).isZero();
        assertThat(result.removalEffects()).containsOnlyKeys("A", "B").allSatisfy((c, re) -> assertThat(re).isZero());
        assertThat(TouchWeights.perTouch(result.weights(), path("A > B"))).containsExactly(BigDecimal.ONE,
                BigDecimal.ONE);
    }

    @Test
    void refusesAnOrderOtherThanOneTwoOrThree() {
        assertThatThrownBy(() -> new MarkovModel(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                "order");
        assertThatThrownBy(() -> new MarkovModel(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                "order must be 1, 2 or 3, was 4");
    }

    @Test
    void refusesNegativeCountsNamingTheField() {
        assertThatThrownBy(() -> row("A", -1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                "conversions must be >= 0");
        assertThatThrownBy(() -> row("A", 0, -2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                "nulls must be >= 0");
        assertThatThrownBy(() -> new PathStat(List.of("A"), BigDecimal.ONE, new BigDecimal("-0.5"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value must be >= 0");
        assertThatThrownBy(() -> PathStat.of(List.of("A", " "), 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank channel name");
    }

    @Test
    void acceptsFractionalCounts() {
        MarkovResult result = new MarkovModel(1).fit(List.of(new PathStat(List.of("A"), new BigDecimal("0.5"),
                BigDecimal.ZERO, new BigDecimal("1.5"))));

        assertThat(result.conversionProbability()).isCloseTo(0.25, within(EXACT));
        assertThat(result.shares()).containsEntry("A", 1.0);
    }
}
