package io.tally.attribution.models;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed shares for the first and last touch, the rest split equally over the touches between: {@code position_based}
 * (40/20/40), {@code j_curve} (20/20/60) and {@code inverse_j} (60/20/20) are this model with other weights. One touch
 * earns everything; two touches split first and last in proportion (40/40 → 50/50, 20/60 → 25/75).
 */
public final class PositionBasedModel implements AttributionModel {

    public static final String POSITION_BASED = "position_based";
    public static final String J_CURVE = "j_curve";
    public static final String INVERSE_J = "inverse_j";

    private final String name;
    private final BigDecimal first;
    private final BigDecimal middle;
    private final BigDecimal last;

    /** @param first, middle, last non-negative shares (normalised, so 40/20/40 and 0.4/0.2/0.4 are the same) */
    public PositionBasedModel(String name, BigDecimal first, BigDecimal middle, BigDecimal last) {
        if (first.signum() < 0 || middle.signum() < 0 || last.signum() < 0
                || first.add(middle).add(last).signum() == 0) {
            throw new IllegalArgumentException(name + " weights must be non-negative with a positive sum");
        }
        this.name = name;
        this.first = first;
        this.middle = middle;
        this.last = last;
    }

    /** The model under its standard name with its standard weights. */
    public static PositionBasedModel standard(String name) {
        return switch (name) {
            case POSITION_BASED -> new PositionBasedModel(name, dec("0.4"), dec("0.2"), dec("0.4"));
            case J_CURVE -> new PositionBasedModel(name, dec("0.2"), dec("0.2"), dec("0.6"));
            case INVERSE_J -> new PositionBasedModel(name, dec("0.6"), dec("0.2"), dec("0.2"));
            default -> throw new IllegalArgumentException("no standard position weights for " + name);
        };
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return name + "@1;weights=" + first.toPlainString() + "/" + middle.toPlainString() + "/"
                + last.toPlainString();
    }

    @Override
    public boolean positionalOnly() {
        return true;
    }

    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        int n = journey.size();
        if (n == 1) {
            return List.of(BigDecimal.ONE);
        }
        List<BigDecimal> weights = new ArrayList<>(n);
        if (n == 2) {
            boolean ends = first.add(last).signum() > 0;
            weights.add(ends ? first : BigDecimal.ONE);
            weights.add(ends ? last : BigDecimal.ONE);
            return weights;
        }
        BigDecimal each = middle.divide(BigDecimal.valueOf(n - 2L), MathContext.DECIMAL64);
        weights.add(first);
        for (int i = 1; i < n - 1; i++) {
            weights.add(each);
        }
        weights.add(last);
        return weights;
    }
}
