package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.LargestRemainder;

/** Applies a data-driven model's channel weights to one conversion's journey as per-touch weights. */
public final class TouchWeights {

    private TouchWeights() {
    }

    /**
     * Per-touch weights for a journey, ready for {@code LargestRemainder.split} or an {@code AttributionModel}.
     *
     * <p>
     * A channel's weight is split equally over that channel's touches in the journey (touches of a channel with
     * weight {@code w} touched {@code m} times get {@code w / m} each, kept exact by scaling every weight by the least
     * common multiple of the touch counts). A channel with zero, negative or unknown weight earns 0. When every touch
     * would earn 0 — no channel of the journey is known to the model, or all have weight 0 — every touch gets weight
     * 1 (the linear split), so the conversion's revenue is still credited to its journey.
     *
     * @param channelWeights per channel name, e.g. {@link MarkovResult#weights()} or {@link ShapleyResult#weights()}
     * @param journey the channel names of the journey's touches in time order; never empty
     * @return one non-negative weight per touch, with a positive sum
     * @throws IllegalArgumentException for an empty journey
     */
    public static List<BigDecimal> perTouch(Map<String, BigDecimal> channelWeights, List<String> journey) {
        if (journey.isEmpty()) {
            throw new IllegalArgumentException("journey must not be empty");
        }
        Map<String, Integer> touches = new HashMap<>();
        journey.forEach(channel -> touches.merge(channel, 1, Integer::sum));
        BigInteger lcm = BigInteger.ONE;
        for (int count : touches.values()) {
            BigInteger m = BigInteger.valueOf(count);
            lcm = lcm.multiply(m).divide(lcm.gcd(m));
        }
        List<BigDecimal> weights = new ArrayList<>(journey.size());
        boolean anyPositive = false;
        for (String channel : journey) {
            BigDecimal weight = channelWeights.getOrDefault(channel, BigDecimal.ZERO);
            if (weight.signum() <= 0) {
                weights.add(BigDecimal.ZERO);
            } else {
                BigInteger perTouchFactor = lcm.divide(BigInteger.valueOf(touches.get(channel)));
                weights.add(weight.multiply(new BigDecimal(perTouchFactor)));
                anyPositive = true;
            }
        }
        return anyPositive ? weights : Collections.nCopies(journey.size(), BigDecimal.ONE);
    }
}
