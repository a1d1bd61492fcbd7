package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.finance.FxRates.DayCurrency;

/**
 * Translates a revenue report's sums into one reporting currency at the rate of each conversion's transaction date
 * (its UTC date), as finance loaded it. Per day and currency the net converts by half-even rounding and its lines are
 * apportioned so they add up to it exactly ({@link FxConversion}); sums already in the reporting currency stay as
 * they are.
 */
@ApplicationScoped
class ReportingCurrency {

    @Inject
    FxRates fx;

    /** The sums of one day and currency of the journal, by kind. */
    private static final class JournalDay {
        long booked;
        long changes; // refunds and restores
        long cancelled;

        void add(FinanceRepository.JournalSum j) {
            switch (j.kind()) {
                case "booking" -> booked += j.amountMinor();
                case "cancellation" -> cancelled += j.amountMinor();
                default -> changes += j.amountMinor();
            }
        }
    }

    /** The rates the sums need into {@code target}; a 422 listing every missing one. */
    Map<DayCurrency, BigDecimal> rates(List<FinanceRepository.JournalSum> journal,
            List<FinanceRepository.CreditSum> credit, String target) {
        TreeSet<DayCurrency> needed = new TreeSet<>();
        journal.stream().filter(j -> !j.currency().equals(target))
                .forEach(j -> needed.add(new DayCurrency(j.day(), j.currency())));
        credit.stream().filter(c -> !c.currency().equals(target))
                .forEach(c -> needed.add(new DayCurrency(c.day(), c.currency())));
        return fx.require(target, needed);
    }

    /** The journal in {@code target}: per day and currency a booking, a cancellation and a refund line. */
    static List<FinanceRepository.JournalSum> journal(List<FinanceRepository.JournalSum> sums, String target,
            Map<DayCurrency, BigDecimal> rates) {
        List<FinanceRepository.JournalSum> out = new ArrayList<>();
        Map<DayCurrency, JournalDay> days = new TreeMap<>();
        for (FinanceRepository.JournalSum j : sums) {
            if (j.currency().equals(target)) {
                out.add(j);
            } else {
                days.computeIfAbsent(new DayCurrency(j.day(), j.currency()), k -> new JournalDay()).add(j);
            }
        }
        days.forEach((key, d) -> {
            BigDecimal rate = rates.get(key);
            long booked = FxConversion.convert(d.booked, key.currency(), target, rate);
            long cancelled = FxConversion.convert(d.cancelled, key.currency(), target, rate);
            long net = FxConversion.convert(d.booked + d.changes + d.cancelled, key.currency(), target, rate);
            LocalDate day = key.day();
            out.add(new FinanceRepository.JournalSum("booking", day, target, booked));
            out.add(new FinanceRepository.JournalSum("cancellation", day, target, cancelled));
            out.add(new FinanceRepository.JournalSum("refund", day, target, net - booked - cancelled));
        });
        return out;
    }

    /** The credit lines in {@code target}, apportioned per day and currency so they add up to the converted total. */
    static List<FinanceRepository.CreditSum> credit(List<FinanceRepository.CreditSum> sums, String target,
            Map<DayCurrency, BigDecimal> rates) {
        List<FinanceRepository.CreditSum> out = new ArrayList<>();
        Map<DayCurrency, List<FinanceRepository.CreditSum>> days = new TreeMap<>();
        for (FinanceRepository.CreditSum c : sums) {
            if (c.currency().equals(target)) {
                out.add(c);
            } else {
                days.computeIfAbsent(new DayCurrency(c.day(), c.currency()), k -> new ArrayList<>()).add(c);
            }
        }
        days.forEach((key, lines) -> {
            long[] converted = FxConversion.apportion(lines.stream()
                    .mapToLong(FinanceRepository.CreditSum::amountMinor).toArray(), key.currency(), target,
                    rates.get(key));
            for (int i = 0; i < lines.size(); i++) {
                FinanceRepository.CreditSum c = lines.get(i);
                out.add(new FinanceRepository.CreditSum(c.programmeId(), c.programmeName(), c.campaignId(),
                        c.campaignName(), c.channel(), c.attributed(), c.day(), target, converted[i]));
            }
        });
        return out;
    }
}
