package io.tally.campaign.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An amount planned for a period (a goal's revenue, a budget line's spend): the period's label, its first and last
 * day (inclusive, in the programme's time zone) and the amount in the programme's currency.
 */
@Embeddable
public class PlannedAmount {

    @Column(name = "period", nullable = false, length = 32)
    private String period;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    protected PlannedAmount() {
    }

    public static PlannedAmount of(String period, LocalDate firstDay, LocalDate lastDay, BigDecimal amount,
            String currency) {
        PlannedAmount p = new PlannedAmount();
        p.period = Objects.requireNonNull(period);
        p.firstDay = Objects.requireNonNull(firstDay);
        p.lastDay = Objects.requireNonNull(lastDay);
        p.amount = Objects.requireNonNull(amount);
        p.currency = Objects.requireNonNull(currency);
        return p;
    }

    /** True when the two periods share a day. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !firstDay.isAfter(last) && !lastDay.isBefore(first);
    }

    public String period() {
        return period;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }
}
