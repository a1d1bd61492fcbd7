package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.directory.ProgrammeEntity;
import io.tally.attribution.directory.ProgrammeRepository;
import io.tally.attribution.ledger.AccountingPeriods;
import io.tally.attribution.ledger.LedgerLock;
import io.tally.events.Money;
import io.tally.events.validation.Violation;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.ProblemException;
import io.tally.support.security.Caller;

/**
 * Accounting periods and the finance revenue report. Periods are UTC months; a closed period is frozen: every later
 * change to one of its conversions (refund, late touch, re-attribution) is posted into the first open period after it,
 * so a closed period's report returns the same figures for good.
 */
@ApplicationScoped
public class FinanceService {

    /** The model of a report that names none, when no programme's official model applies. */
    public static final String DEFAULT_MODEL = "linear";

    @Inject
    AccountingPeriods periods;
    @Inject
    FinanceRepository finance;
    @Inject
    LedgerLock ledgerLock;
    @Inject
    FxRates fx;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    Caller caller;

    /** A period's state as the API shows it. */
    public record PeriodView(String period, String state, Instant changedAt, String changedBy, String reason) {
    }

    /** Every period from the ledger's first to the current month (and any recorded one), oldest first. */
    @Transactional
    public List<PeriodView> periods() {
        Map<String, AccountingPeriods.State> recorded = periods.recorded();
        TreeSet<String> all = new TreeSet<>(recorded.keySet());
        String[] range = periods.ledgerRange();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        if (range != null) {
            YearMonth last = YearMonth.parse(range[1]).isAfter(now) ? YearMonth.parse(range[1]) : now;
            for (YearMonth m = YearMonth.parse(range[0]); !m.isAfter(last); m = m.plusMonths(1)) {
                all.add(m.toString());
            }
        }
        all.add(now.toString());
        List<PeriodView> views = new ArrayList<>();
        for (String p : all) {
            AccountingPeriods.State s = recorded.get(p);
            views.add(s == null
                    ? new PeriodView(p, "open", null, null, null)
                    : new PeriodView(p, s.closed() ? "closed" : "open", s.changedAt(), s.changedBy(), s.reason()));
        }
        return views;
    }

    /**
     * Closes an ended period. Waits for credit being posted to commit and holds new postings back meanwhile (the same
     * lock a tracking-code change takes), so nothing lands in the period after it closed. 409 when it is closed
     * already or has not ended.
     */
    @Transactional
    public PeriodView close(String periodText, String reason) {
        YearMonth period = parse(periodText);
        if (!period.isBefore(YearMonth.now(ZoneOffset.UTC))) {
            throw ProblemException.conflict("period " + period + " has not ended yet; close it from "
                    + period.plusMonths(1).atDay(1) + " on");
        }
        ledgerLock.exclusive(); // postings into the period wait, then see it closed (or open)
        if (periods.isClosed(period.toString())) {
            throw ProblemException.conflict("period " + period + " is closed already");
        }
        periods.change(period.toString(), true, Instant.now(), caller.name(), reason);
        return view(period.toString());
    }

    /** Reopens a closed period, with an audit entry; 409 when it is open. */
    @Transactional
    public PeriodView reopen(String periodText, String reason) {
        YearMonth period = parse(periodText);
        ledgerLock.exclusive(); // postings into the period wait, then see it closed (or open)
        if (!periods.isClosed(period.toString())) {
            throw ProblemException.conflict("period " + period + " is open");
        }
        periods.change(period.toString(), false, Instant.now(), caller.name(), reason);
        return view(period.toString());
    }

    /**
     * The revenue report of a period under a model (when none is named: the programme's official model, else
     * {@value #DEFAULT_MODEL}), company-wide or for one programme's attributed revenue; in one
     * reporting currency when {@code reportingCurrency} is given (for one programme: its reporting currency unless
     * given), converted at each conversion's transaction-date rate; a missing rate is a 422 naming it.
     */
    @Transactional
    public FinanceReport revenue(String periodText, String requestedModel, UUID programmeId,
            String reportingCurrency) {
        String period = parse(periodText).toString();
        String target = reportingCurrency;
        String model = requestedModel;
        if (programmeId != null) {
            ProgrammeEntity programme = programmes.findById(programmeId);
            if (target == null && programme != null) {
                target = programme.reportingCurrency;
            }
            if (model == null && programme != null) {
                model = programme.officialModel;
            }
        }
        if (model == null) {
            model = DEFAULT_MODEL;
        }
        List<FinanceRepository.JournalSum> journalSums = programmeId == null ? finance.journal(period) : List.of();
        List<FinanceRepository.CreditSum> creditSums = finance.credit(period, model, programmeId);
        String policy = "Amounts are in each conversion's own currency, one section per currency; nothing is"
                + " converted.";
        if (target != null) {
            Map<String, BigDecimal> rates = rates(journalSums, creditSums, target);
            journalSums = convertJournal(journalSums, target, rates);
            creditSums = convertCredit(creditSums, target, rates);
            policy = "Converted into " + target + " at the rate of each conversion's transaction date (its UTC date),"
                    + " as loaded with PUT /api/v1/finance/fx-rates; per day and currency the net is rounded"
                    + " half-even and its lines apportioned so they add up to it exactly.";
        }
        Map<String, long[]> journal = new TreeMap<>(); // currency -> booked, refunds, cancellations, restores
        for (FinanceRepository.JournalSum j : journalSums) {
            long[] sums = journal.computeIfAbsent(j.currency(), c -> new long[4]);
            switch (j.kind()) {
                case "booking" -> sums[0] += j.amountMinor();
                case "refund" -> sums[1] += j.amountMinor();
                case "cancellation" -> sums[2] += j.amountMinor();
                default -> sums[3] += j.amountMinor();
            }
        }
        Map<String, List<FinanceRepository.CreditSum>> creditByCurrency = new TreeMap<>();
        for (FinanceRepository.CreditSum c : creditSums) {
            creditByCurrency.computeIfAbsent(c.currency(), k -> new ArrayList<>()).add(c);
        }
        TreeSet<String> currencies = new TreeSet<>(journal.keySet());
        currencies.addAll(creditByCurrency.keySet());
        List<FinanceReport.Section> sections = new ArrayList<>();
        for (String currency : currencies) {
            sections.add(section(currency, journal.get(currency), creditByCurrency.getOrDefault(currency, List.of()),
                    programmeId != null));
        }
        return new FinanceReport(period, periods.isClosed(period) ? "closed" : "open", model, programmeId, policy,
                sections);
    }

    /** The rates the figures need, keyed "day|currency"; a 422 listing every missing one. */
    private Map<String, BigDecimal> rates(List<FinanceRepository.JournalSum> journal,
            List<FinanceRepository.CreditSum> credit, String target) {
        TreeSet<String> needed = new TreeSet<>();
        journal.stream().filter(j -> !j.currency().equals(target)).forEach(j -> needed.add(j.day() + "|"
                + j.currency()));
        credit.stream().filter(c -> !c.currency().equals(target)).forEach(c -> needed.add(c.day() + "|"
                + c.currency()));
        if (needed.isEmpty()) {
            return Map.of();
        }
        LocalDate from = LocalDate.parse(needed.first().substring(0, 10));
        LocalDate to = needed.stream().map(k -> LocalDate.parse(k.substring(0, 10))).max(LocalDate::compareTo)
                .orElseThrow();
        Map<String, BigDecimal> rates = fx.into(target, from, to);
        List<Violation> missing = needed.stream().filter(k -> !rates.containsKey(k))
                .map(k -> new Violation("fxRates", "no rate " + k.substring(11) + " to " + target + " on "
                        + k.substring(0, 10) + "; load it with PUT /api/v1/finance/fx-rates"))
                .toList();
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable(missing);
        }
        return rates;
    }

    private static List<FinanceRepository.JournalSum> convertJournal(List<FinanceRepository.JournalSum> sums,
            String target, Map<String, BigDecimal> rates) {
        List<FinanceRepository.JournalSum> out = new ArrayList<>();
        Map<String, long[]> buckets = new TreeMap<>(); // day|currency -> booked, refunds+restores, cancellations
        for (FinanceRepository.JournalSum j : sums) {
            if (j.currency().equals(target)) {
                out.add(j);
                continue;
            }
            long[] b = buckets.computeIfAbsent(j.day() + "|" + j.currency(), k -> new long[3]);
            b[j.kind().equals("booking") ? 0 : j.kind().equals("cancellation") ? 2 : 1] += j.amountMinor();
        }
        buckets.forEach((key, b) -> {
            LocalDate day = LocalDate.parse(key.substring(0, 10));
            String from = key.substring(11);
            BigDecimal rate = rates.get(key);
            long booked = FxConversion.convert(b[0], from, target, rate);
            long cancelled = FxConversion.convert(b[2], from, target, rate);
            long net = FxConversion.convert(b[0] + b[1] + b[2], from, target, rate);
            out.add(new FinanceRepository.JournalSum("booking", day, target, booked));
            out.add(new FinanceRepository.JournalSum("cancellation", day, target, cancelled));
            out.add(new FinanceRepository.JournalSum("refund", day, target, net - booked - cancelled));
        });
        return out;
    }

    private static List<FinanceRepository.CreditSum> convertCredit(List<FinanceRepository.CreditSum> sums,
            String target, Map<String, BigDecimal> rates) {
        List<FinanceRepository.CreditSum> out = new ArrayList<>();
        Map<String, List<FinanceRepository.CreditSum>> buckets = new TreeMap<>();
        for (FinanceRepository.CreditSum c : sums) {
            if (c.currency().equals(target)) {
                out.add(c);
            } else {
                buckets.computeIfAbsent(c.day() + "|" + c.currency(), k -> new ArrayList<>()).add(c);
            }
        }
        buckets.forEach((key, lines) -> {
            long[] converted = FxConversion.apportion(lines.stream().mapToLong(FinanceRepository.CreditSum::amountMinor)
                    .toArray(), key.substring(11), target, rates.get(key));
            for (int i = 0; i < lines.size(); i++) {
                FinanceRepository.CreditSum c = lines.get(i);
                out.add(new FinanceRepository.CreditSum(c.programmeId(), c.programmeName(), c.campaignId(),
                        c.campaignName(), c.channel(), c.attributed(), c.day(), target, converted[i]));
            }
        });
        return out;
    }

    /** Stores FX rates (each replaces the rate of its day, currency and quote). */
    @Transactional
    public int putRates(List<FxRates.Rate> rates) {
        fx.put(rates, caller.name(), Instant.now());
        return rates.size();
    }

    /** Stored rates of the days from..to, optionally of one currency. */
    @Transactional
    public List<FxRates.Rate> rates(LocalDate from, LocalDate to, String currency) {
        return fx.list(from, to, currency);
    }

    private static FinanceReport.Section section(String currency, long[] journal,
            List<FinanceRepository.CreditSum> credit, boolean oneProgramme) {
        Map<String, long[]> byProgramme = new TreeMap<>();
        Map<String, long[]> byChannel = new TreeMap<>();
        Map<String, long[]> byCampaign = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
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
                add(byProgramme, names, c.programmeId().toString(), c.programmeName(), c.amountMinor());
                add(byChannel, names, "channel:" + c.channel(), c.channel(), c.amountMinor());
                add(byCampaign, names, c.campaignId().toString(), c.campaignName(), c.amountMinor());
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
            long channels = byChannel.values().stream().mapToLong(v -> v[0]).sum();
            long campaigns = byCampaign.values().stream().mapToLong(v -> v[0]).sum();
            reconciliation = reconcile(money(campaigns, currency), money(channels, currency),
                    "by campaign " + money(campaigns, currency).toPlainString() + " = by channel "
                            + money(channels, currency).toPlainString() + " = attributed "
                            + attributedAmount.toPlainString());
        } else {
            long[] j = journal == null ? new long[4] : journal;
            long netMinor = j[0] + j[1] + j[2] + j[3];
            booked = money(j[0], currency);
            refunds = money(j[1] + j[3], currency);
            cancellations = money(j[2], currency);
            net = money(netMinor, currency);
            BigDecimal accounted = money(attributed + unassigned + unattributed, currency);
            reconciliation = reconcile(accounted, net, "attributed " + attributedAmount.toPlainString()
                    + " + unassigned " + unassignedAmount.toPlainString() + " + unattributed "
                    + unattributedAmount.toPlainString() + " = " + accounted.toPlainString() + "; net "
                    + net.toPlainString());
        }
        return new FinanceReport.Section(currency, booked, refunds, cancellations, net, attributedAmount,
                lines(byProgramme, names, currency), lines(byChannel, names, currency),
                lines(byCampaign, names, currency), oneProgramme ? null : unassignedAmount,
                oneProgramme ? null : unattributedAmount, reconciliation);
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

    private static void add(Map<String, long[]> sums, Map<String, String> names, String id, String name,
            long amount) {
        sums.computeIfAbsent(id, k -> new long[1])[0] += amount;
        names.putIfAbsent(id, name);
    }

    private static List<FinanceReport.Line> lines(Map<String, long[]> sums, Map<String, String> names,
            String currency) {
        return sums.entrySet().stream()
                .map(e -> new FinanceReport.Line(e.getKey().startsWith("channel:")
                        ? e.getKey().substring(8)
                        : e.getKey(), names.get(e.getKey()), money(e.getValue()[0], currency)))
                .sorted(Comparator.comparing(FinanceReport.Line::amount).reversed()
                        .thenComparing(l -> l.name() == null ? "" : l.name()))
                .toList();
    }

    private PeriodView view(String period) {
        return periods().stream().filter(v -> v.period().equals(period)).findFirst().orElseThrow();
    }

    private static YearMonth parse(String text) {
        return QueryValues.month(text).orElseThrow(() -> ProblemException.invalid("period", QueryValues.MONTH_REASON));
    }

    private static BigDecimal money(long minor, String currency) {
        return Money.ofMinor(minor, currency).amount();
    }
}
