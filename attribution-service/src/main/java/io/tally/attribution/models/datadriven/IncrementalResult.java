package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an {@link IncrementalModel} found.
 *
 * @param decay the recency base ρ chosen by likelihood
 * @param intercept β0, the log-odds of buying for a journey of average intent without touches
 * @param intentWeight γ, how much intent raises the log-odds
 * @param lifts λ_s per state, in log-odds, at least 0 (0 for intent signals)
 * @param intentSlopes b_s per state: how much intent raises the log-odds of reaching it
 * @param intentSignals the states that signal intent and earn nothing
 * @param credit per state, the conversions its touches are expected to have caused over every journey of the data
 * @param weights per state, the mean credit per converting journey that reached it: the live pipeline splits a
 *        conversion's revenue by these with {@link TouchWeights#perTouch}
 * @param logLikelihood the penalised log-likelihood of the data at the fit
 * @param iterations the EM rounds the fit took at the chosen ρ
 * @param calibrations the measured effects applied, by channel (empty when none was)
 */
public record IncrementalResult(double decay, double intercept, double intentWeight, Map<String, Double> lifts,
        Map<String, Double> intentSlopes, Set<String> intentSignals, Map<String, Double> credit,
        Map<String, BigDecimal> weights, double logLikelihood, int iterations, List<Applied> calibrations) {

    /**
     * One measured effect as applied: the share of the channel's exposed conversions it caused, as measured, as the
     * data alone said, and as the calibrated model says (equal to the measured one unless the lifts could not reach it).
     */
    public record Applied(String channel, double measuredShare, double uncalibratedShare, double calibratedShare) {
    }

    /** Copies the collections into unmodifiable, name-ordered ones. */
    public IncrementalResult {
        lifts = Collections.unmodifiableMap(new TreeMap<>(lifts));
        intentSlopes = Collections.unmodifiableMap(new TreeMap<>(intentSlopes));
        intentSignals = Collections.unmodifiableSet(new TreeSet<>(intentSignals));
        credit = Collections.unmodifiableMap(new TreeMap<>(credit));
        weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        calibrations = List.copyOf(calibrations);
    }

    /** Each state's credit over the total (all 0 when nothing was credited). */
    public Map<String, Double> shares() {
        double total = credit.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new TreeMap<>();
        credit.forEach((state, c) -> shares.put(state, total == 0 ? 0 : c / total));
        return shares;
    }
}
