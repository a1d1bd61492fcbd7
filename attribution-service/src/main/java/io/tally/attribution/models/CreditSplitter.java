package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model's weights into exact credits: money in minor units and the conversion in millionths, each split with
 * {@link LargestRemainder} so the credits sum exactly to the revenue and to one conversion. For a model that
 * {@linkplain AttributionModel#honoursTouchWeights() honours touch weights}, each touch's share is the model's weight
 * times the touch's weight: linear credit in proportion to the touch weights, time decay as decay times weight, a
 * position's share spread by weight, and single-touch models (whose other weights are 0) unchanged.
 */
public final class CreditSplitter {

    /** Millionths of a conversion: the resolution of fractional conversion credit. */
    public static final long CONVERSION_UNITS = 1_000_000L;

    private CreditSplitter() {
    }

    /**
     * One touch's share, or the unattributed share ({@code touchIndex} -1) when the journey is empty.
     *
     * @param conversionUnits the share of the conversion in millionths
     */
    public record Share(int touchIndex, long amountMinor, long conversionUnits) {

        public boolean unattributed() {
            return touchIndex < 0;
        }
    }

    /**
     * @param revenueMinor the conversion's revenue in minor units
     * @param journey the eligible touches in time order; empty means nothing earned the conversion
     * @return one share per touch (zero-weight touches included with zero amounts), or a single unattributed share
     */
    public static List<Share> split(AttributionModel model, long revenueMinor, List<JourneyTouch> journey,
            Instant conversionAt) {
        if (journey.isEmpty()) {
            return List.of(new Share(-1, revenueMinor, CONVERSION_UNITS));
        }
        List<BigDecimal> weights = model.weights(journey, conversionAt);
        if (weights.size() != journey.size()) {
            throw new IllegalStateException(model.name() + " gave " + weights.size() + " weights for "
                    + journey.size() + " touches");
        }
        if (model.honoursTouchWeights()) {
            weights = weighted(weights, journey);
        }
        LargestRemainder.Proportions proportions = LargestRemainder.of(weights);
        long[] amounts = proportions.split(revenueMinor);
        long[] conversions = proportions.split(CONVERSION_UNITS);
        List<Share> shares = new ArrayList<>(journey.size());
        for (int i = 0; i < journey.size(); i++) {
            shares.add(new Share(i, amounts[i], conversions[i]));
        }
        return shares;
    }

    /** The model's weights times the touches' weights; the model's own when that would leave nothing positive. */
    private static List<BigDecimal> weighted(List<BigDecimal> weights, List<JourneyTouch> journey) {
        List<BigDecimal> products = new ArrayList<>(weights.size());
        boolean positive = false;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal product = weights.get(i).multiply(journey.get(i).weight());
            positive |= product.signum() > 0;
            products.add(product);
        }
        return positive ? products : weights;
    }
}
