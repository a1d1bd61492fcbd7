package io.tally.attribution.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tally.attribution.domain.AttributionModel;
import io.tally.attribution.domain.JourneyTouch;
import io.tally.attribution.domain.datadriven.ChannelDictionary;
import io.tally.events.Channel;

/**
 * Rule-based models over streamed path rows: each row's counts split over its touches by the model's weights, summed
 * per channel in {@code double} (outputs are rounded to 6 decimals). Models whose weights depend only on positions
 * ({@link AttributionModel#positionalOnly()}) share one aggregate per (path length, position, channel) and apply their
 * shares, computed once per length by the model itself, at the end; the others (last_non_direct, custom) are called
 * row by row with a reused journey, their weights normalised in {@code double}.
 */
final class RuleBasedCredit {

    private static final int MAX_REMEMBERED = 4096;

    private final ChannelDictionary channels;
    private final List<AttributionModel> positional = new ArrayList<>();
    private final List<AttributionModel> perRow = new ArrayList<>();
    private final Map<String, double[][]> perRowSums = new HashMap<>();
    private final List<double[][][]> byLength = new ArrayList<>();
    private final Map<BigDecimal, Double> doubles = new HashMap<>();
    private double[] shares = new double[16];
    private final List<JourneyTouch> journey = new ArrayList<>();
    private JourneyTouch[] touchOf = new JourneyTouch[0];
    private boolean[] touched = new boolean[0];

    RuleBasedCredit(ChannelDictionary channels, List<AttributionModel> models) {
        this.channels = channels;
        for (AttributionModel model : models) {
            if (model.positionalOnly()) {
                positional.add(model);
            } else {
                perRow.add(model);
                perRowSums.put(model.name(), new double[2][0]);
            }
        }
    }

    /** Adds one row with at least one journey's worth of counts; an empty path credits nothing. */
    void add(int[] touches, int length, BigDecimal conversions, BigDecimal value) {
        if (length == 0) {
            return;
        }
        double c = conversions.doubleValue();
        double v = value.doubleValue();
        for (int i = 0; i < length; i++) {
            int id = touches[i];
            if (id >= touched.length) {
                touched = Arrays.copyOf(touched, Math.max(id + 1, touched.length * 2));
            }
            touched[id] = true;
        }
        if (!positional.isEmpty()) {
            double[][][] sums = lengthSums(length);
            for (int i = 0; i < length; i++) {
                addTo(sums[i], touches[i], c, v);
            }
        }
        for (AttributionModel model : perRow) {
            double[] shares = shares(model, touches, length);
            double[][] sums = perRowSums.get(model.name());
            for (int i = 0; i < length; i++) {
                if (shares[i] != 0) {
                    addTo(sums, touches[i], c * shares[i], v * shares[i]);
                }
            }
        }
    }

    /** A model's credit per channel name: conversions and value; every channel touched appears. */
    Map<String, double[]> credits(AttributionModel model) {
        double[][] sums;
        if (model.positionalOnly()) {
            sums = new double[2][touched.length];
            for (int n = 1; n < byLength.size(); n++) {
                double[][][] atLength = byLength.get(n);
                if (atLength == null) {
                    continue;
                }
                double[] shares = normalised(model.weights(journeyOf(n), Instant.EPOCH));
                for (int i = 0; i < n; i++) {
                    for (int id = 0; id < Math.min(atLength[i][0].length, touched.length); id++) {
                        sums[0][id] += shares[i] * atLength[i][0][id];
                        sums[1][id] += shares[i] * atLength[i][1][id];
                    }
                }
            }
        } else {
            sums = perRowSums.get(model.name());
        }
        Map<String, double[]> result = new TreeMap<>();
        for (int id = 0; id < touched.length; id++) {
            if (touched[id]) {
                result.put(channels.name(id), new double[]{at(sums[0], id), at(sums[1], id)});
            }
        }
        return result;
    }

    /** The model's weights for the row, normalised in {@code double}. */
    private double[] shares(AttributionModel model, int[] touches, int length) {
        journey.clear();
        for (int i = 0; i < length; i++) {
            journey.add(touch(touches[i]));
        }
        List<BigDecimal> weights = model.weights(journey, Instant.EPOCH);
        if (shares.length < length) {
            shares = new double[Math.max(length, shares.length * 2)];
        }
        double total = 0;
        for (int i = 0; i < length; i++) {
            shares[i] = toDouble(weights.get(i));
            total += shares[i];
        }
        for (int i = 0; i < length; i++) {
            shares[i] /= total;
        }
        return shares;
    }

    /** {@link BigDecimal#doubleValue()}, remembered for the few distinct weights a model gives. */
    private double toDouble(BigDecimal weight) {
        if (weight.signum() == 0) {
            return 0;
        }
        Double known = doubles.get(weight);
        if (known == null) {
            known = weight.doubleValue();
            if (doubles.size() < MAX_REMEMBERED) {
                doubles.put(weight, known);
            }
        }
        return known;
    }

    /** A journey of {@code n} touches of channel other, for the models whose weights depend only on positions. */
    private static List<JourneyTouch> journeyOf(int n) {
        List<JourneyTouch> touches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            touches.add(new JourneyTouch(Instant.EPOCH, Channel.OTHER));
        }
        return touches;
    }

    private static double[] normalised(List<BigDecimal> weights) {
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double[] shares = new double[weights.size()];
        for (int i = 0; i < shares.length; i++) {
            BigDecimal w = weights.get(i);
            shares[i] = w.signum() == 0 ? 0 : w.divide(total, MathContext.DECIMAL128).doubleValue();
        }
        return shares;
    }

    private JourneyTouch touch(int id) {
        if (id >= touchOf.length) {
            touchOf = Arrays.copyOf(touchOf, Math.max(id + 1, touchOf.length * 2));
        }
        if (touchOf[id] == null) {
            touchOf[id] = new JourneyTouch(Instant.EPOCH, Channel.fromWireName(channels.name(id))
                    .orElse(Channel.OTHER));
        }
        return touchOf[id];
    }

    private double[][][] lengthSums(int length) {
        while (byLength.size() <= length) {
            byLength.add(null);
        }
        double[][][] sums = byLength.get(length);
        if (sums == null) {
            sums = new double[length][2][0];
            byLength.set(length, sums);
        }
        return sums;
    }

    private static void addTo(double[][] sums, int id, double conversions, double value) {
        if (id >= sums[0].length) {
            int size = Math.max(id + 1, sums[0].length * 2);
            sums[0] = Arrays.copyOf(sums[0], size);
            sums[1] = Arrays.copyOf(sums[1], size);
        }
        sums[0][id] += conversions;
        sums[1][id] += value;
    }

    private static double at(double[] sums, int id) {
        return id < sums.length ? sums[id] : 0;
    }
}
