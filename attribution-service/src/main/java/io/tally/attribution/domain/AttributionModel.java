package io.tally.attribution.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

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
     * Whether the weights depend only on the number of touches and their positions (not on channels or times), so
     * they may be computed once per journey length and reused; false unless a model says so.
     */
    default boolean positionalOnly() {
        return false;
    }
}
