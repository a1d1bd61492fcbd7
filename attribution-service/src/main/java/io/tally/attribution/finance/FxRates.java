package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/** Daily FX rates finance loads ({@code fx_rate}): 1 unit of currency = rate units of quote on that day. */
@ApplicationScoped
public class FxRates {

    /** One rate. */
    public record Rate(LocalDate day, String currency, String quote, BigDecimal rate) {
    }

    /** The key of a rate into one quote currency: a day and the currency converted from. */
    public record DayCurrency(LocalDate day, String currency) implements Comparable<DayCurrency> {

        @Override
        public int compareTo(DayCurrency other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : currency.compareTo(other.currency);
        }
    }

    @Inject
    EntityManager em;

    /** Stores the rates, replacing any of the same day, currency and quote. */
    public void put(List<Rate> rates, String actor, Instant at) {
        for (Rate r : rates) {
            em.createNativeQuery("INSERT INTO fx_rate (day, currency, quote, rate, loaded_at, loaded_by)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (day, currency, quote) DO UPDATE"
                    + " SET rate = excluded.rate, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by")
                    .setParameter(1, r.day()).setParameter(2, r.currency()).setParameter(3, r.quote())
                    .setParameter(4, r.rate()).setParameter(5, at).setParameter(6, actor).executeUpdate();
        }
    }

    /**
     * The rates into {@code quote} of exactly the days and currencies {@code needed}; a 422 naming every missing rate
     * (field {@code fxRates}), so a report is converted whole or not at all.
     */
    public Map<DayCurrency, BigDecimal> require(String quote, SortedSet<DayCurrency> needed) {
        if (needed.isEmpty()) {
            return Map.of();
        }
        Map<DayCurrency, BigDecimal> rates = into(quote, needed.first().day(), needed.last().day());
        List<Violation> missing = needed.stream().filter(k -> !rates.containsKey(k))
                .map(k -> new Violation("fxRates", "no rate " + k.currency() + " to " + quote + " on " + k.day()
                        + "; load it with PUT /api/v1/finance/fx-rates"))
                .toList();
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable(missing);
        }
        return rates;
    }

    /** The rates into {@code quote} on the days from..to, by day and currency. */
    @SuppressWarnings("unchecked")
    public Map<DayCurrency, BigDecimal> into(String quote, LocalDate from, LocalDate to) {
        Map<DayCurrency, BigDecimal> rates = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT day, currency, rate FROM fx_rate"
                + " WHERE quote = ?1 AND day BETWEEN ?2 AND ?3").setParameter(1, quote).setParameter(2, from)
                .setParameter(3, to).getResultList()) {
            rates.put(new DayCurrency((LocalDate) r[0], ((String) r[1]).trim()), (BigDecimal) r[2]);
        }
        return rates;
    }

    /** The stored rates of the days from..to, optionally of one currency, by day and currency. */
    @SuppressWarnings("unchecked")
    public List<Rate> list(LocalDate from, LocalDate to, String currency) {
        return ((List<Object[]>) em.createNativeQuery("SELECT day, currency, quote, rate FROM fx_rate"
                + " WHERE day BETWEEN ?1 AND ?2 AND (CAST(?3 AS text) IS NULL OR currency = ?3)"
                + " ORDER BY day, currency, quote").setParameter(1, from).setParameter(2, to)
                .setParameter(3, currency).getResultList()).stream()
                .map(r -> new Rate((LocalDate) r[0], ((String) r[1]).trim(), ((String) r[2]).trim(),
                        (BigDecimal) r[3]))
                .toList();
    }
}
