package io.tally.attribution.finance;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.ledger.AccountingPeriods;
import io.tally.attribution.ledger.LedgerLock;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.ProblemException;
import io.tally.support.security.Caller;

/**
 * Accounting periods: UTC months, open until finance closes them. A closed period is frozen: every later change to one
 * of its conversions (refund, late touch, re-attribution) is posted into the first open period after it, so a closed
 * period's report returns the same figures for good. Closing and reopening are audited with the caller's name.
 */
@ApplicationScoped
public class PeriodService {

    @Inject
    AccountingPeriods periods;
    @Inject
    LedgerLock ledgerLock;
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
     * Closes an ended period. Takes the ledger lock exclusively ({@link LedgerLock#exclusive()}): credit being posted
     * commits first and new postings wait, then see the period closed, so nothing lands in it after it closed. 409 when
     * it is closed already or has not ended.
     */
    @Transactional
    public PeriodView close(String periodText, String reason) {
        YearMonth period = parse(periodText);
        if (!period.isBefore(YearMonth.now(ZoneOffset.UTC))) {
            throw ProblemException.conflict("period " + period + " has not ended yet; close it from "
                    + period.plusMonths(1).atDay(1) + " on");
        }
        ledgerLock.exclusive();
        if (periods.isClosed(period.toString())) {
            throw ProblemException.conflict("period " + period + " is closed already");
        }
        periods.change(period.toString(), true, Instant.now(), caller.name(), reason);
        return view(period.toString());
    }

    /** Reopens a closed period (under the ledger lock, as {@link #close}), with an audit entry; 409 when it is open. */
    @Transactional
    public PeriodView reopen(String periodText, String reason) {
        YearMonth period = parse(periodText);
        ledgerLock.exclusive();
        if (!periods.isClosed(period.toString())) {
            throw ProblemException.conflict("period " + period + " is open");
        }
        periods.change(period.toString(), false, Instant.now(), caller.name(), reason);
        return view(period.toString());
    }

    /** The period named in a request, or a 400 naming {@code period}. */
    static YearMonth parse(String text) {
        return QueryValues.month(text).orElseThrow(() -> ProblemException.invalid("period", QueryValues.MONTH_REASON));
    }

    private PeriodView view(String period) {
        return periods().stream().filter(v -> v.period().equals(period)).findFirst().orElseThrow();
    }
}
