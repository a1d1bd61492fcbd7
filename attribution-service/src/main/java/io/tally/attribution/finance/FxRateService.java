package io.tally.attribution.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.support.security.Caller;

/** The FX rates finance loads for reports in one reporting currency; each load is recorded with the caller's name. */
@ApplicationScoped
public class FxRateService {

    @Inject
    FxRates fx;
    @Inject
    Caller caller;

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
}
