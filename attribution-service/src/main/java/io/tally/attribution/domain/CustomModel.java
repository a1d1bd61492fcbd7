package io.tally.attribution.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tally.events.Channel;

/**
 * Weights an analyst sets: a position rule (first/middle/last shares, as {@link PositionBasedModel}) multiplied by a
 * factor per channel (1 for channels not listed; 0 excludes a channel). When every touch ends up at weight 0, the touches
 * share equally, so a conversion is never left without credit by configuration.
 */
public final class CustomModel implements AttributionModel {

    public static final String NAME = "custom";

    private final PositionBasedModel positions;
    private final Map<Channel, BigDecimal> channelFactors;

    public CustomModel(BigDecimal first, BigDecimal middle, BigDecimal last, Map<Channel, BigDecimal> channelFactors) {
        this.positions = new PositionBasedModel(NAME, first, middle, last);
        channelFactors.forEach((channel, factor) -> {
            if (factor.signum() < 0) {
                throw new IllegalArgumentException("the custom factor of " + channel.wireName() + " is negative");
            }
        });
        this.channelFactors = Collections.unmodifiableMap(new TreeMap<>(channelFactors));
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
}
