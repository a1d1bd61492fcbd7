package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tally.events.Channel;

/**
 * A rule that says how much of a conversion each touch of its journey earned. Models give weights only; the
 * {@link CreditSplitter} turns weights into exact amounts.
 */
public interface AttributionModel {

    /** The model's name on the API and in the ledger, e.g. {@code last_touch}. */
    String name();

    /** The version stored with every credit, so a ledger row always says which rules produced it. */
    default String version() {
        return name() + "@1";
    }

    /**
     * Non-negative weights, one per touch, with a positive sum.
     *
     * @param journey the touches in time order (ties in time keep their given order); never empty
     * @param conversionAt when the conversion happened
     */
    List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt);

    /**
     * The weights of a journey known only by its channels in order, as path statistics give it (no touch times), as
     * {@code double}s in {@code into[0, length)}: the same rule as {@link #weights}, for evaluating millions of paths
     * without a list of decimals per path. The default builds the journey (every touch at one instant) and converts
     * {@link #weights}; the models evaluated path by path compute it directly.
     */
    default void pathWeights(Channel[] channels, int length, double[] into) {
        List<JourneyTouch> journey = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            journey.add(new JourneyTouch(Instant.EPOCH, channels[i]));
        }
        List<BigDecimal> weights = weights(journey, Instant.EPOCH);
        for (int i = 0; i < length; i++) {
            into[i] = weights.get(i).doubleValue();
        }
    }

    /**
     * Whether the {@link CreditSplitter} multiplies this model's weights by the touches' weights (their kinds' weights
     * in the programme): true for the rule-based models; the data-driven ones learn what each kind of touch is worth
     * from the journeys, with the kind in the state ({@link JourneyTouch#state()}).
     */
    default boolean honoursTouchWeights() {
        return true;
    }

    /**
     * Whether the weights depend only on the number of touches and their positions (not on channels or times), so
     * they may be computed once per journey length and reused; false unless a model says so.
     */
    default boolean positionalOnly() {
        return false;
    }
}
