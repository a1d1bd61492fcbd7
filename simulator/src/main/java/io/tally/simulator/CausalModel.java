package io.tally.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stated causal model of a conversion. A customer with latent intent {@code u} whose journey ends (the decision
 * moment) at day {@code T} converts with probability
 *
 * <pre>
 * logit P = β0 + γ·u + Σ_c lift_c · e_c + Σ_{pairs a,b} synergy_ab · e_a · e_b
 * e_c     = max over the customer's touches of channel c at day t ≤ T of decay(T − t), 0 if none
 * decay(Δt) = 2^(−Δt / halfLifeDays)   (1 when halfLifeDays is infinite: no decay)
 * </pre>
 *
 * So a channel's effect comes from its most recent touch only (repeats do not add), and a synergy term counts fully
 * when both channels were just seen (without decay it is {@code synergy_ab · [a and b seen]}). A channel absent from
 * {@code lifts} has lift 0 (a zero-lift channel); touch kinds do not change a channel's effect.
 *
 * @param intercept β0, the log-odds of a customer of average intent with no touches
 * @param intentWeight γ, how much the latent intent raises the log-odds
 * @param lifts lift_c per channel, in log-odds
 * @param synergies synergy_ab per pair, in log-odds
 * @param halfLifeDays the decay's half-life, {@link Double#POSITIVE_INFINITY} for no decay
 */
public record CausalModel(double intercept, double intentWeight, Map<String, Double> lifts,
        Map<ChannelPair, Double> synergies, double halfLifeDays) {

    public CausalModel {
        lifts = Map.copyOf(lifts);
        synergies = Map.copyOf(synergies);
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("halfLifeDays must be positive, got " + halfLifeDays);
        }
    }

    /** lift_c, 0 for a channel the model does not name. */
    public double lift(String channel) {
        return lifts.getOrDefault(channel, 0.0);
    }

    /** synergy_ab, 0 for a pair the model does not name. */
    public double synergy(String a, String b) {
        return a.equals(b) ? 0.0 : synergies.getOrDefault(ChannelPair.of(a, b), 0.0);
    }

    /** decay(Δt) = 2^(−Δt/halfLife). */
    public double decay(double elapsedDays) {
        return Double.isInfinite(halfLifeDays) ? 1.0 : StrictMath.pow(2.0, -elapsedDays / halfLifeDays);
    }

    /** e_c per channel seen by {@code decisionDay}, sorted by channel name; touches after it are ignored. */
    public Map<String, Double> exposure(List<Touch> touches, double decisionDay) {
        Map<String, Double> exposure = new TreeMap<>();
        for (Touch touch : touches) {
            if (touch.day() <= decisionDay) {
                exposure.merge(touch.channel(), decay(decisionDay - touch.day()), Math::max);
            }
        }
        return exposure;
    }

    /** P(convert | exposure e_c per channel, intent u), the formula above. */
    public double probability(Map<String, Double> exposure, double intent) {
        String[] channels = exposure.keySet().stream().sorted().toArray(String[]::new);
        double logit = intercept + intentWeight * intent;
        for (int i = 0; i < channels.length; i++) {
            double ei = exposure.get(channels[i]);
            logit += lift(channels[i]) * ei;
            for (int j = i + 1; j < channels.length; j++) {
                logit += synergy(channels[i], channels[j]) * ei * exposure.get(channels[j]);
            }
        }
        return sigmoid(logit);
    }

    static double sigmoid(double logit) {
        return 1.0 / (1.0 + StrictMath.exp(-logit));
    }
}
