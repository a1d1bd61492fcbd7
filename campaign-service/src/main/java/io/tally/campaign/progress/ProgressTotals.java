package io.tally.campaign.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.tally.campaign.progress.ProgressInputRepository.Amounts;
import io.tally.events.Ratios;

/** Attributed revenue, attributed (fractional) conversions and reported cost of some progress inputs. */
record ProgressTotals(BigDecimal attributed, BigDecimal conversions, BigDecimal cost) {

    static final ProgressTotals ZERO = new ProgressTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** The totals of the attributed amounts and costs in scope. */
    static ProgressTotals of(List<Amounts> attributed, List<Amounts> costs, Predicate<Amounts> scope) {
        ProgressTotals totals = ZERO;
        for (Amounts a : attributed) {
            if (scope.test(a)) {
                totals = totals.plusAttributed(a);
            }
        }
        for (Amounts a : costs) {
            if (scope.test(a)) {
                totals = totals.plusCost(a);
            }
        }
        return totals;
    }

    /**
     * The totals per key (campaign or channel), in key order; amounts of no such key (a programme's shared costs) are
     * left to the programme's total.
     */
    static <K extends Comparable<K>> Map<K, ProgressTotals> by(Function<Amounts, K> key, List<Amounts> attributed,
            List<Amounts> costs) {
        Map<K, ProgressTotals> rows = new TreeMap<>();
        attributed.stream().filter(a -> key.apply(a) != null)
                .forEach(a -> rows.put(key.apply(a), rows.getOrDefault(key.apply(a), ZERO).plusAttributed(a)));
        costs.stream().filter(a -> key.apply(a) != null)
                .forEach(a -> rows.put(key.apply(a), rows.getOrDefault(key.apply(a), ZERO).plusCost(a)));
        return rows;
    }

    ProgressTotals plusAttributed(Amounts a) {
        return new ProgressTotals(attributed.add(a.amount()), conversions.add(a.conversions()), cost);
    }

    ProgressTotals plusCost(Amounts a) {
        return new ProgressTotals(attributed, conversions, cost.add(a.amount()));
    }

    /** Return on ad spend, attributed / cost ({@link Ratios#roas}: four decimals); null without cost. */
    BigDecimal roas() {
        return Ratios.roas(attributed, cost);
    }

    /** Cost / budget in percent with two decimals; null without a positive budget. */
    BigDecimal budgetSpent(BigDecimal budget) {
        return budget == null || budget.signum() <= 0
                ? null
                : cost.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_EVEN);
    }
}
