package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link ShapleyModel} found: each channel's Shapley value, share and (when sampled) standard error, and the
 * interaction index of every pair of channels.
 *
 * @param exact whether the values come from full enumeration (standard errors 0) or from sampling
 * @param samples the number of sampled permutations; 0 when exact
 * @param grandValue v(N), the conversion rate of every journey with at least one touch; Σ φ equals it
 * @param values φ(c) per channel name; may be negative, since a conversion rate is not monotone in the coalition
 * @param standardErrors per channel, the standard error of φ(c); 0 when exact
 * @param shares per channel, φ(c) / Σ φ; they sum to 1, or are all 0 when Σ φ = 0
 * @param interactions one entry per pair of channels, {@code first} before {@code second} by name
 */
public record ShapleyResult(boolean exact, int samples, double grandValue, Map<String, Double> values,
        Map<String, Double> standardErrors, Map<String, Double> shares, List<Interaction> interactions) {

    /**
     * The Shapley interaction index of two channels: positive when they convert better together than apart
     * (synergy), negative when either one does the other's work (redundancy), 0 when their effects just add.
     *
     * @param index I(first, second)
     * @param standardError its standard error; 0 when exact
     */
    public record Interaction(String first, String second, double index, double standardError) {
    }

    /** Copies the collections into unmodifiable, name-ordered ones. */
    public ShapleyResult {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        standardErrors = Collections.unmodifiableMap(new TreeMap<>(standardErrors));
        shares = Collections.unmodifiableMap(new TreeMap<>(shares));
        interactions = List.copyOf(interactions);
    }

    /**
     * The interaction index of two channels, in either order.
     *
     * @throws IllegalArgumentException when the pair is not two distinct channels of the model
     */
    public double interaction(String a, String b) {
        return interactions.stream().filter(i -> i.first().equals(a) && i.second().equals(b) || i.first().equals(b)
                && i.second().equals(a)).mapToDouble(Interaction::index).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("no interaction between " + a + " and " + b));
    }

    /**
     * The channel weights to split a conversion's revenue with {@link TouchWeights#perTouch}: each channel's share as
     * an exact decimal, with negative shares clamped to 0 (a channel whose presence lowers the conversion rate earns
     * nothing).
     */
    public Map<String, BigDecimal> weights() {
        Map<String, BigDecimal> weights = new TreeMap<>();
        shares.forEach((channel, share) -> weights.put(channel, BigDecimal.valueOf(Math.max(0, share))));
        return Collections.unmodifiableMap(weights);
    }
}
