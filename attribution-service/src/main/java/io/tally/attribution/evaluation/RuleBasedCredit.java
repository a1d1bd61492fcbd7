package io.tally.attribution.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.JourneyTouch;
import io.tally.attribution.models.datadriven.ChannelDictionary;
import io.tally.events.Channel;

/**
 * Rule-based models over streamed path rows: each row's counts split over its touches by the model's weights, summed
 * per channel in compensated {@code double} sums (outputs are rounded to 6 decimals). Models whose weights depend only on positions
 * ({@link AttributionModel#positionalOnly()}) share one aggregate per (path length, position, channel) and apply their
 * shares, computed once per length by the model itself, at the end; the others (last_non_direct, custom) give
 * {@link AttributionModel#pathWeights} row by row, normalised in {@code double}.
 */
final class RuleBasedCredit {

    private final ChannelDictionary channels;
    private final List<AttributionModel> positional = new ArrayList<>();
    private final List<AttributionModel> perRow = new ArrayList<>();
    /** Per model evaluated row by row: its conversions and value per channel id. */
    private final List<CompensatedSums[]> perRowSums = new ArrayList<>();
    /** Per path length n: the conversions and value of the rows of that length per (position, channel id). */
    private final List<CompensatedSums[][]> byLength = new ArrayList<>();
    private double[] shares = new double[16];
    private Channel[] path = new Channel[16];
    private Channel[] channelOf = new Channel[0];
    private boolean[] touched = new boolean[0];

    RuleBasedCredit(ChannelDictionary channels, List<AttributionModel> models) {
        this.channels = channels;
        for (AttributionModel model : models) {
            if (model.positionalOnly()) {
                positional.add(model);
            } else {
                perRow.add(model);
                perRowSums.add(pair());
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
            CompensatedSums[][] sums = lengthSums(length);
            for (int i = 0; i < length; i++) {
                addTo(sums[i], touches[i], c, v);
            }
        }
        if (!perRow.isEmpty()) {
            if (path.length < length) {
                path = new Channel[Math.max(length, path.length * 2)];
                shares = new double[path.length];
            }
            for (int i = 0; i < length; i++) {
                path[i] = channelOf(touches[i]);
            }
            for (int m = 0; m < perRow.size(); m++) {
                double[] shares = shares(perRow.get(m), length);
                CompensatedSums[] sums = perRowSums.get(m);
                for (int i = 0; i < length; i++) {
                    if (shares[i] != 0) {
                        addTo(sums, touches[i], c * shares[i], v * shares[i]);
                    }
                }
            }
        }
    }

    /** A model's credit per channel name: conversions and value; every channel touched appears. */
    Map<String, double[]> credits(AttributionModel model) {
        CompensatedSums[] sums;
        if (model.positionalOnly()) {
            sums = pair();
            for (int n = 1; n < byLength.size(); n++) {
                CompensatedSums[][] atLength = byLength.get(n);
                if (atLength == null) {
                    continue;
                }
                double[] shares = normalised(model.weights(journeyOf(n), Instant.EPOCH));
                for (int i = 0; i < n; i++) {
                    for (int id = 0; id < touched.length; id++) {
                        sums[0].add(id, shares[i] * atLength[i][0].value(id));
                        sums[1].add(id, shares[i] * atLength[i][1].value(id));
                    }
                }
            }
        } else {
            int m = 0;
            while (!perRow.get(m).name().equals(model.name())) {
                m++;
            }
            sums = perRowSums.get(m);
        }
        Map<String, double[]> result = new TreeMap<>();
        for (int id = 0; id < touched.length; id++) {
            if (touched[id]) {
                result.put(channels.name(id), new double[]{sums[0].value(id), sums[1].value(id)});
            }
        }
        return result;
    }

    /** The model's weights for the row in {@link #path}, normalised in {@code double}. */
    private double[] shares(AttributionModel model, int length) {
        model.pathWeights(path, length, shares);
        double total = 0;
        for (int i = 0; i < length; i++) {
            total += shares[i];
        }
        for (int i = 0; i < length; i++) {
            shares[i] /= total;
        }
        return shares;
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

    /** The Tally channel a path's channel name stands for ({@code other} for names that are none). */
    private Channel channelOf(int id) {
        if (id >= channelOf.length) {
            channelOf = Arrays.copyOf(channelOf, Math.max(id + 1, channelOf.length * 2));
        }
        if (channelOf[id] == null) {
            channelOf[id] = Channel.fromWireName(channels.name(id)).orElse(Channel.OTHER);
        }
        return channelOf[id];
    }

    private CompensatedSums[][] lengthSums(int length) {
        while (byLength.size() <= length) {
            byLength.add(null);
        }
        CompensatedSums[][] sums = byLength.get(length);
        if (sums == null) {
            sums = new CompensatedSums[length][];
            for (int i = 0; i < length; i++) {
                sums[i] = pair();
            }
            byLength.set(length, sums);
        }
        return sums;
    }

    /** Conversions and value. */
    private static CompensatedSums[] pair() {
        return new CompensatedSums[]{new CompensatedSums(), new CompensatedSums()};
    }

    private static void addTo(CompensatedSums[] sums, int id, double conversions, double value) {
        sums[0].add(id, conversions);
        sums[1].add(id, value);
    }
}
