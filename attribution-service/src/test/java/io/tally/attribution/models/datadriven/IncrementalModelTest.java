package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The incremental model on journeys whose counts are the exact expectations of a latent-intent model the test states
 * (a million journeys, integrated over intent on a fine grid here, not the model's): it must give back the stated
 * lifts and intent, and credit each channel with the incremental conversions the test computes from them by hand.
 */
class IncrementalModelTest {

    private static final double JOURNEYS = 1_000_000;

    /** The stated model: reach a + b·u per channel, conversion β0 + γ·u + Σ lift. */
    record Truth(double intercept, double intentWeight, Map<String, double[]> reach, Map<String, Double> lifts) {
    }

    /** paid_search is confounded (high intent searches), email is not, direct only follows intent. */
    private static final Truth CONFOUNDED = new Truth(-2.0, 1.2,
            Map.of("email", new double[]{-0.5, 0.0}, "paid_search", new double[]{-1.0, 0.9},
                    "direct", new double[]{-1.0, 1.3}),
            Map.of("email", 0.5, "paid_search", 0.4, "direct", 0.0));

    private static final List<String> ORDER = List.of("email", "paid_search", "direct");

    /** N(0,1) on a fine grid: nodes and weights. */
    private static double[][] fineGrid() {
        int size = 4001;
        double[] z = new double[size];
        double[] w = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) {
            z[k] = -8 + 16.0 * k / (size - 1);
            w[k] = Math.exp(-z[k] * z[k] / 2);
            sum += w[k];
        }
        for (int k = 0; k < size; k++) {
            w[k] /= sum;
        }
        return new double[][]{z, w};
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static List<String> subset(int mask) {
        List<String> path = new ArrayList<>();
        for (int c = 0; c < ORDER.size(); c++) {
            if ((mask & (1 << c)) != 0) {
                path.add(ORDER.get(c));
            }
        }
        return path;
    }

    private static double reachProbability(Truth truth, List<String> seen, double u) {
        double p = 1;
        for (String channel : ORDER) {
            double r = sigmoid(truth.reach().get(channel)[0] + truth.reach().get(channel)[1] * u);
            p *= seen.contains(channel) ? r : 1 - r;
        }
        return p;
    }

    private static double logit(Truth truth, List<String> seen, double u) {
        double l = truth.intercept() + truth.intentWeight() * u;
        for (String channel : seen) {
            l += truth.lifts().get(channel);
        }
        return l;
    }

    /** Every subset of the channels as a path in {@link #ORDER}, with its expected conversions and nulls. */
    private static List<PathStat> expectedRows(Truth truth) {
        double[][] grid = fineGrid();
        List<PathStat> rows = new ArrayList<>();
        for (int mask = 0; mask < 1 << ORDER.size(); mask++) {
            List<String> path = subset(mask);
            double conversions = 0;
            double nulls = 0;
            for (int k = 0; k < grid[0].length; k++) {
                double u = grid[0][k];
                double p = grid[1][k] * reachProbability(truth, path, u);
                double buy = sigmoid(logit(truth, path, u));
                conversions += JOURNEYS * p * buy;
                nulls += JOURNEYS * p * (1 - buy);
            }
            rows.add(new PathStat(path, new BigDecimal(conversions, MathContext.DECIMAL64), BigDecimal.ZERO,
                    new BigDecimal(nulls, MathContext.DECIMAL64)));
        }
        return rows;
    }

    /**
     * The true credit by hand: over every journey (any intent, any subset), the Shapley values of the credited
     * channels it saw in v(S) = σ(β0 + γu + Σ_S lift) − σ(β0 + γu); with two credited channels x, y seen,
     * φ_x = ½[v(x) − v(∅)] + ½[v(xy) − v(y)].
     */
    private static Map<String, Double> trueCredit(Truth truth) {
        double[][] grid = fineGrid();
        Map<String, Double> credit = new TreeMap<>();
        for (int mask = 0; mask < 1 << ORDER.size(); mask++) {
            List<String> path = subset(mask);
            List<String> credited = path.stream().filter(c -> truth.lifts().get(c) > 0).toList();
            for (int k = 0; k < grid[0].length; k++) {
                double u = grid[0][k];
                double weight = JOURNEYS * grid[1][k] * reachProbability(truth, path, u);
                double none = sigmoid(truth.intercept() + truth.intentWeight() * u);
                if (credited.size() == 1) {
                    credit.merge(credited.get(0), weight * (sigmoid(logit(truth, credited, u)) - none), Double::sum);
                } else if (credited.size() == 2) {
                    double both = sigmoid(logit(truth, credited, u)) - none;
                    for (int i = 0; i < 2; i++) {
                        String x = credited.get(i);
                        String y = credited.get(1 - i);
                        double alone = sigmoid(logit(truth, List.of(x), u)) - none;
                        double other = sigmoid(logit(truth, List.of(y), u)) - none;
                        credit.merge(x, weight * (0.5 * alone + 0.5 * (both - other)), Double::sum);
                    }
                }
            }
        }
        return credit;
    }

    private static Map<String, Double> shares(Map<String, Double> credit) {
        double total = credit.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new TreeMap<>();
        credit.forEach((channel, c) -> shares.put(channel, c / total));
        return shares;
    }

    @Test
    void theStatedLiftsAndIntentComeBackAndDirectEarnsNothing() {
        IncrementalResult result = new IncrementalModel().fit(expectedRows(CONFOUNDED));

        assertThat(result.decay()).isEqualTo(1.0); // nothing in the data fades with later touches
        assertThat(result.intentWeight()).isCloseTo(1.2, within(0.05));
        assertThat(result.lifts().get("email")).isCloseTo(0.5, within(0.02));
        assertThat(result.lifts().get("paid_search")).isCloseTo(0.4, within(0.03));
        assertThat(result.lifts().get("direct")).isZero();
        assertThat(result.intentSlopes().get("paid_search")).isCloseTo(0.9, within(0.05));
        assertThat(result.intentSlopes().get("direct")).isCloseTo(1.3, within(0.05));
        assertThat(result.intentSignals()).containsExactly("direct");
        assertThat(result.credit().get("direct")).isZero();
        assertThat(result.weights().get("direct")).isEqualByComparingTo("0");
    }

    @Test
    void eachChannelIsCreditedWithTheConversionsItCaused() {
        IncrementalResult result = new IncrementalModel().fit(expectedRows(CONFOUNDED));
        Map<String, Double> truth = trueCredit(CONFOUNDED);

        assertThat(result.credit().get("email")).isCloseTo(truth.get("email"), within(0.03 * truth.get("email")));
        assertThat(result.credit().get("paid_search")).isCloseTo(truth.get("paid_search"),
                within(0.06 * truth.get("paid_search")));
        Map<String, Double> shares = result.shares();
        Map<String, Double> trueShares = shares(truth);
        assertThat(shares.get("email")).isCloseTo(trueShares.get("email"), within(0.02));
        assertThat(shares.get("paid_search")).isCloseTo(trueShares.get("paid_search"), within(0.02));
    }

    @Test
    void withoutTheIntentSignalDirectLooksLikeACauseAndSearchIsOvercredited() {
        IncrementalResult blind = new IncrementalModel(Set.of()).fit(expectedRows(CONFOUNDED));
        Map<String, Double> trueShares = shares(trueCredit(CONFOUNDED));

        assertThat(blind.lifts().get("direct")).isGreaterThan(0.2);
        assertThat(blind.shares().get("direct")).isGreaterThan(0.1);
        assertThat(blind.shares().get("email")).isLessThan(trueShares.get("email") - 0.05);
    }

    @Test
    void theRowsOrderDoesNotMatter() {
        List<PathStat> rows = new ArrayList<>(expectedRows(CONFOUNDED));
        IncrementalResult first = new IncrementalModel().fit(rows);
        Collections.reverse(rows);
        IncrementalResult reversed = new IncrementalModel().fit(rows);

        assertThat(reversed).isEqualTo(first);
    }

    @Test
    void aTouchFollowedByManyOthersCountsLessWhenTheDataSaysSo() {
        // conversions fall as more touches follow email: ρ = 0.5 makes email's exposure 1, 0.5, 0.25
        List<PathStat> rows = new ArrayList<>();
        double base = -2.5;
        double lift = 1.2;
        for (int after = 0; after <= 2; after++) {
            List<String> path = new ArrayList<>(List.of("email"));
            for (int i = 0; i < after; i++) {
                path.add("display" + i);
            }
            double p = sigmoid(base + lift * Math.pow(0.5, after));
            rows.add(new PathStat(path, BigDecimal.valueOf(100_000 * p), BigDecimal.ZERO,
                    BigDecimal.valueOf(100_000 * (1 - p))));
        }
        for (int i = 0; i < 2; i++) {
            double p = sigmoid(base);
            rows.add(new PathStat(List.of("display" + i), BigDecimal.valueOf(100_000 * p), BigDecimal.ZERO,
                    BigDecimal.valueOf(100_000 * (1 - p))));
        }

        IncrementalResult result = new IncrementalModel(Set.of()).fit(rows);

        assertThat(result.decay()).isEqualTo(0.5);
        assertThat(result.lifts().get("email")).isCloseTo(lift, within(0.05));
        assertThat(result.lifts().get("display0")).isLessThan(0.05);
    }

    @Test
    void journeysWithoutTouchesTeachNothing() {
        assertThatThrownBy(() -> new IncrementalModel().fit(List.of(PathStat.of(List.of(), 3, 97))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no journey has a touch");
    }
}
