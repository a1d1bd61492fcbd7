package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link MarkovModel} found: the conversion probability, each channel's removal effect and share.
 *
 * @param order the chain's order k
 * @param conversionProbability P(conversion) from the start state, solved exactly
 * @param removalEffects per channel, {@code RE(c) = 1 − P₋c / P} in [0, 1], by channel name
 * @param shares per channel, {@code RE(c) / Σ RE}; they sum to 1 unless every removal effect is 0
 * @param chain the estimated chain, for inspection
 */
public record MarkovResult(int order, double conversionProbability, Map<String, Double> removalEffects,
        Map<String, Double> shares, MarkovChain chain) {

    /** Copies the maps into unmodifiable, name-ordered maps. */
    public MarkovResult {
        removalEffects = Collections.unmodifiableMap(new TreeMap<>(removalEffects));
        shares = Collections.unmodifiableMap(new TreeMap<>(shares));
    }

    /**
     * The channel weights to split a conversion's revenue with {@link TouchWeights#perTouch}: each channel's share as
     * an exact decimal (non-negative).
     */
    public Map<String, BigDecimal> weights() {
        Map<String, BigDecimal> weights = new TreeMap<>();
        shares.forEach((channel, share) -> weights.put(channel, BigDecimal.valueOf(share)));
        return Collections.unmodifiableMap(weights);
    }
}
