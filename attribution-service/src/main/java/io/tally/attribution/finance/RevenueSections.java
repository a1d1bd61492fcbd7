package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tally.events.Money;

/**
 * One currency's section of the revenue report from its journal and credit sums: booked, refunds, cancellations and
 * net from the journal; attributed revenue by programme, channel and campaign from the ledger; and the line that
 * reconciles them (company-wide: attributed + unassigned + unattributed = net; for one programme: by campaign = by
 * channel = attributed).
 */
final class RevenueSections {

    private RevenueSections() {
    }

    /** One currency's journal, summed by kind (minor units). */
    static final class JournalTotals {
        long booked;
        long refunds;
        long cancellations;
        long restores;

        void add(FinanceRepository.JournalSum j) {
            switch (j.kind()) {
                case "booking" -> booked += j.amountMinor();
                case "refund" -> refunds += j.amountMinor();
                case "cancellation" -> cancellations += j.amountMinor();
                default -> restores += j.amountMinor();
            }
        }

        long net() {
            return booked + refunds + cancellations + restores;
        }
    }

    /** Amounts summed per id (a programme, channel or campaign), with the name each id is shown with. */
    private static final class Breakdown {
        private final Map<String, Long> amounts = new TreeMap<>();
        private final Map<String, String> names = new TreeMap<>();

        void add(String id, String name, long amount) {
            amounts.merge(id, amount, Long::sum);
            names.putIfAbsent(id, name);
        }

        long total() {
            return amounts.values().stream().mapToLong(Long::longValue).sum();
        }

        List<FinanceReport.Line> lines(String currency) {
            return amounts.entrySet().stream()
                    .map(e -> new FinanceReport.Line(e.getKey(), names.get(e.getKey()), money(e.getValue(), currency)))
                    .sorted(Comparator.comparing(FinanceReport.Line::amount).reversed()
                            .thenComparing(l -> l.name() == null ? "" : l.name()))
                    .toList();
        }
    }

    static FinanceReport.Section section(String currency, JournalTotals journal,
            List<FinanceRepository.CreditSum> credit, boolean oneProgramme) {
        Breakdown byProgramme = new Breakdown();
        Breakdown byChannel = new Breakdown();
        Breakdown byCampaign = new Breakdown();
        long attributed = 0;
        long unassigned = 0;
        long unattributed = 0;
        for (FinanceRepository.CreditSum c : credit) {
            if (!c.attributed()) {
                unattributed += c.amountMinor();
            } else if (c.programmeId() == null) {
                unassigned += c.amountMinor();
            } else {
                attributed += c.amountMinor();
                byProgramme.add(c.programmeId().toString(), c.programmeName(), c.amountMinor());
                byChannel.add(c.channel(), c.channel(), c.amountMinor());
                byCampaign.add(c.campaignId().toString(), c.campaignName(), c.amountMinor());
            }
        }
        BigDecimal attributedAmount = money(attributed, currency);
        BigDecimal unassignedAmount = money(unassigned, currency);
        BigDecimal unattributedAmount = money(unattributed, currency);
        FinanceReport.Reconciliation reconciliation;
        BigDecimal booked = null;
        BigDecimal refunds = null;
        BigDecimal cancellations = null;
        BigDecimal net = null;
        if (oneProgramme) {
            BigDecimal channels = money(byChannel.total(), currency);
            BigDecimal campaigns = money(byCampaign.total(), currency);
            reconciliation = reconcile(campaigns, channels, "by campaign " + campaigns.toPlainString()
                    + " = by channel " + channels.toPlainString() + " = attributed "
                    + attributedAmount.toPlainString());
        } else {
            JournalTotals j = journal == null ? new JournalTotals() : journal;
            booked = money(j.booked, currency);
            refunds = money(j.refunds + j.restores, currency);
            cancellations = money(j.cancellations, currency);
            net = money(j.net(), currency);
            BigDecimal accounted = money(attributed + unassigned + unattributed, currency);
            reconciliation = reconcile(accounted, net, "attributed " + attributedAmount.toPlainString()
                    + " + unassigned " + unassignedAmount.toPlainString() + " + unattributed "
                    + unattributedAmount.toPlainString() + " = " + accounted.toPlainString() + "; net "
                    + net.toPlainString());
        }
        return new FinanceReport.Section(currency, booked, refunds, cancellations, net, attributedAmount,
                byProgramme.lines(currency), byChannel.lines(currency), byCampaign.lines(currency),
                oneProgramme ? null : unassignedAmount, oneProgramme ? null : unattributedAmount, reconciliation);
    }

    private static FinanceReport.Reconciliation reconcile(BigDecimal accounted, BigDecimal expected,
            String statement) {
        BigDecimal difference = accounted.subtract(expected);
        boolean reconciled = difference.signum() == 0;
        return new FinanceReport.Reconciliation(accounted, expected, difference, reconciled,
                statement + (reconciled
                        ? ": reconciled"
                        : ": NOT reconciled, difference " + difference.toPlainString()
                                + " (a data-driven model credits only once trained)"));
    }

    private static BigDecimal money(long minor, String currency) {
        return Money.ofMinor(minor, currency).amount();
    }
}
