package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import io.tally.attribution.finance.FxRates.DayCurrency;
import io.tally.attribution.ledger.AccountingPeriods;

/** The finance revenue report of one accounting period, which reconciles to the cent (see {@link RevenueSections}). */
@ApplicationScoped
public class RevenueReportService {

    /** The model of a report that names none, when no programme's official model applies. */
    public static final String DEFAULT_MODEL = "linear";

    @Inject
    AccountingPeriods periods;
    @Inject
    FinanceRepository finance;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    ReportingCurrency reportingCurrency;

    /**
     * The revenue report of a period under a model (when none is named: the programme's official model, else
     * {@value #DEFAULT_MODEL}), company-wide or for one programme's attributed revenue; in one reporting currency when
     * {@code currency} is given (for one programme: its reporting currency unless given), converted at each
     * conversion's transaction-date rate; a missing rate is a 422 naming it.
     */
    @Transactional
    public FinanceReport revenue(String periodText, String requestedModel, UUID programmeId, String currency) {
        String period = PeriodService.parse(periodText).toString();
        String target = currency;
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
            Map<DayCurrency, BigDecimal> rates = reportingCurrency.rates(journalSums, creditSums, target);
            journalSums = ReportingCurrency.journal(journalSums, target, rates);
            creditSums = ReportingCurrency.credit(creditSums, target, rates);
            policy = "Converted into " + target + " at the rate of each conversion's transaction date (its UTC date),"
                    + " as loaded with PUT /api/v1/finance/fx-rates; per day and currency the net is rounded"
                    + " half-even and its lines apportioned so they add up to it exactly.";
        }
        Map<String, RevenueSections.JournalTotals> journal = new TreeMap<>();
        for (FinanceRepository.JournalSum j : journalSums) {
            journal.computeIfAbsent(j.currency(), c -> new RevenueSections.JournalTotals()).add(j);
        }
        Map<String, List<FinanceRepository.CreditSum>> creditByCurrency = new TreeMap<>();
        for (FinanceRepository.CreditSum c : creditSums) {
            creditByCurrency.computeIfAbsent(c.currency(), k -> new ArrayList<>()).add(c);
        }
        TreeSet<String> currencies = new TreeSet<>(journal.keySet());
        currencies.addAll(creditByCurrency.keySet());
        List<FinanceReport.Section> sections = new ArrayList<>();
        for (String c : currencies) {
            sections.add(RevenueSections.section(c, journal.get(c), creditByCurrency.getOrDefault(c, List.of()),
                    programmeId != null));
        }
        return new FinanceReport(period, periods.isClosed(period) ? "closed" : "open", model, programmeId, policy,
                sections);
    }
}
