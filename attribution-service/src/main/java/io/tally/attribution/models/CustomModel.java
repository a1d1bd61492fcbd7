package io.tally.attribution.models;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.tally.events.Channel;

/**
 * Weights an analyst sets: a position rule (first/middle/last shares, as {@link PositionBasedModel}) multiplied by a
 * factor per channel (1 for channels not listed; 0 excludes a channel). When every touch ends up at weight 0, the touches
 * share equally, so a conversion is never left without credit by configuration.
 */
public final class CustomModel implements AttributionModel {

    public static final String NAME = "custom";

    /** Journey lengths whose position weights {@link #pathWeights} remembers. */
    private static final int REMEMBERED_LENGTHS = 256;

    private final PositionBasedModel positions;
    private final Map<Channel, BigDecimal> channelFactors;
    private final double[] factorByOrdinal = new double[Channel.values().length];
    private final AtomicReferenceArray<double[]> positionWeights = new AtomicReferenceArray<>(REMEMBERED_LENGTHS);

    public CustomModel(BigDecimal first, BigDecimal middle, BigDecimal last, Map<Channel, BigDecimal> channelFactors) {
        this.positions = new PositionBasedModel(NAME, first, middle, last);
        channelFactors.forEach((channel, factor) -> {
            if (factor.signum() < 0) {
                throw new IllegalArgumentException("the custom factor of " + channel.wireName() + " is negative");
            }
        });
        this.channelFactors = Collections.unmodifiableMap(new TreeMap<>(channelFactors));
        for (Channel channel : Channel.values()) {
            factorByOrdinal[channel.ordinal()] = channelFactors.getOrDefault(channel, BigDecimal.ONE).doubleValue();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        StringBuilder factors = new StringBuilder();
        channelFactors.forEach((c, f) -> factors.append(factors.length() == 0 ? "" : ",").append(c.wireName())
                .append('=').append(f.toPlainString()));
        return positions.version().replaceFirst("^" + NAME + "@1", NAME + "@1;factors=" + factors);
    }

    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        List<BigDecimal> base = positions.weights(journey, conversionAt);
        List<BigDecimal> weights = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            weights.add(base.get(i).multiply(channelFactors.getOrDefault(journey.get(i).channel(), BigDecimal.ONE)));
        }
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            return Collections.nCopies(journey.size(), BigDecimal.ONE);
        }
        return weights;
    }

    @Override
    public void pathWeights(Channel[] channels, int length, double[] into) {
        double[] base = positionWeights(length);
        boolean any = false;
        for (int i = 0; i < length; i++) {
            into[i] = base[i] * factorByOrdinal[channels[i].ordinal()];
            any |= into[i] != 0;
        }
        if (!any) {
            Arrays.fill(into, 0, length, 1);
        }
    }

    /** The position rule's weights for {@code n} touches as doubles, remembered for the common lengths. */
    private double[] positionWeights(int n) {
        double[] known = n < REMEMBERED_LENGTHS ? positionWeights.get(n) : null;
        if (known == null) {
            List<JourneyTouch> journey = Collections.nCopies(n, new JourneyTouch(Instant.EPOCH, Channel.OTHER));
            known = positions.weights(journey, Instant.EPOCH).stream().mapToDouble(BigDecimal::doubleValue).toArray();
            if (n < REMEMBERED_LENGTHS) {
                positionWeights.set(n, known);
            }
        }
        return known;
    }
}
