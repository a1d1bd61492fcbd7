package io.tally.campaign.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.campaign.progress.ProgressInputRepository.Amounts;

/** Progress totals and their ratios, by hand. */
class ProgressTotalsTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static Amounts revenue(UUID campaign, String channel, String amount, String conversions) {
        return new Amounts(campaign, channel, "EUR", new BigDecimal(amount), new BigDecimal(conversions));
    }

    private static Amounts cost(UUID campaign, String channel, String amount) {
        return new Amounts(campaign, channel, "EUR", new BigDecimal(amount), BigDecimal.ZERO);
    }

    private static final List<Amounts> ATTRIBUTED = List.of(revenue(B, "email", "100.00", "1.5"),
            revenue(A, "paid_social", "250.00", "2"), revenue(B, "paid_social", "50.00", "0.5"));
    private static final List<Amounts> COSTS = List.of(cost(A, "paid_social", "40.00"), cost(B, "email", "10.00"));

    @Test
    void sumsOnlyTheAmountsInScope() {
        ProgressTotals all = ProgressTotals.of(ATTRIBUTED, COSTS, a -> true);
        ProgressTotals social = ProgressTotals.of(ATTRIBUTED, COSTS, a -> a.channel().equals("paid_social"));

        assertThat(all).isEqualTo(new ProgressTotals(new BigDecimal("400.00"), new BigDecimal("4.0"),
                new BigDecimal("50.00")));
        assertThat(social).isEqualTo(new ProgressTotals(new BigDecimal("300.00"), new BigDecimal("2.5"),
                new BigDecimal("40.00")));
    }

    @Test
    void breaksDownByKeyInKeyOrder() {
        Map<UUID, ProgressTotals> byCampaign = ProgressTotals.by(Amounts::campaignId, ATTRIBUTED, COSTS);

        assertThat(byCampaign.keySet()).containsExactly(A, B);
        assertThat(byCampaign.get(B)).isEqualTo(new ProgressTotals(new BigDecimal("150.00"), new BigDecimal("2.0"),
                new BigDecimal("10.00")));
    }

    @Test
    void roasIsRevenuePerCostAndNullWithoutCost() {
        assertThat(new ProgressTotals(new BigDecimal("100"), BigDecimal.ONE, new BigDecimal("30")).roas())
                .isEqualByComparingTo("3.3333");
        assertThat(ProgressTotals.ZERO.roas()).isNull();
    }

    @Test
    void budgetSpentIsCostPerBudgetInPercentAndNullWithoutAPositiveBudget() {
        ProgressTotals totals = new ProgressTotals(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("6000.00"));

        assertThat(totals.budgetSpent(new BigDecimal("12000.00"))).isEqualByComparingTo("50.00");
        assertThat(totals.budgetSpent(BigDecimal.ZERO)).isNull();
        assertThat(totals.budgetSpent(null)).isNull();
    }
}
