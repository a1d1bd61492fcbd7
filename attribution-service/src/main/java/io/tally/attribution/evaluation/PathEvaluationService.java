package io.tally.attribution.evaluation;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.ledger.ModelCatalogue;
import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.LargestRemainder;
import io.tally.attribution.models.TimeDecayModel;
import io.tally.attribution.models.datadriven.BootstrapIntervals;
import io.tally.attribution.models.datadriven.ChannelAttributionMarkov;
import io.tally.attribution.models.datadriven.ChannelDictionary;
import io.tally.attribution.models.datadriven.CoalitionGameBuilder;
import io.tally.attribution.models.datadriven.ExactSums;
import io.tally.attribution.models.datadriven.IncrementalModel;
import io.tally.attribution.models.datadriven.IncrementalResult;
import io.tally.attribution.models.datadriven.MarkovChainEstimator;
import io.tally.attribution.models.datadriven.MarkovModel;
import io.tally.attribution.models.datadriven.PathStat;
import io.tally.attribution.models.datadriven.ShapleyModel;
import io.tally.attribution.models.datadriven.ShapleyResult;
import io.tally.events.validation.Violations;

/**
 * Evaluates path statistics with the same domain models as the live pipeline. Rule-based models credit every touch of a
 * path (so {@code social > social > email} under linear gives social two thirds); Markov, Shapley and the incremental
 * model learn channel shares from all rows and split the total conversions and value of the rows with touches by those
 * shares (the incremental model's share is a channel's expected incremental conversions over the total).
 */
@ApplicationScoped
public class PathEvaluationService {

    /**
     * What an evaluation found: each model's credit per channel, models in request order and channels by name; and,
     * when Shapley is evaluated, the interaction index of every pair of channels (synergy when positive), else none.
     */
    public record Result(List<ChannelCredit> credits, List<ShapleyResult.Interaction> interactions,
            List<IncrementalResult.Applied> calibrations, List<BootstrapIntervals.Interval> intervals) {
    }

    /** The level of the bootstrap intervals. */
    public static final double INTERVAL_LEVEL = BootstrapIntervals.LEVEL;

    /** How {@code markov} defines states and value on path files: Tally's own (the default), or ChannelAttribution's. */
    public static final String TALLY = "tally";
    /** {@code markov} as the ChannelAttribution package's {@code markov_model} in the limit of infinite simulations. */
    public static final String CHANNEL_ATTRIBUTION = "channel_attribution";
    public static final List<String> MARKOV_VARIANTS = List.of(TALLY, CHANNEL_ATTRIBUTION);

    /** The models that learn from the file rather than credit each row's touches. */
    static final List<String> DATA_DRIVEN = List.of(MarkovModel.NAME, ShapleyModel.NAME, IncrementalModel.NAME);

    /** Output scale of conversions and value. */
    static final int SCALE = 6;

    @Inject
    ModelCatalogue catalogue;
    @Inject
    AttributionConfig config;

    /** Every model this endpoint evaluates: the rule-based ones with touch times excepted, and the data-driven ones. */
    public List<String> evaluableModels() {
        List<String> names = new ArrayList<>(catalogue.knownModels());
        names.remove(TimeDecayModel.NAME);
        names.add(MarkovModel.NAME);
        names.add(ShapleyModel.NAME);
        names.add(IncrementalModel.NAME);
        return names;
    }

    /** Checks the request before the body is read. */
    public void validate(List<String> models, int order, Violations v) {
        if (models.isEmpty()) {
            v.add("models", "name at least one model");
        }
        for (String model : models) {
            if (TimeDecayModel.NAME.equals(model)) {
                v.add("models", "time_decay needs touch times, which path files do not have");
            } else if (!evaluableModels().contains(model)) {
                v.add("models", "unknown model " + model + "; one of " + String.join(", ", evaluableModels()));
            }
        }
        if (order < 1 || order > 3) {
            v.add("order", "must be 1, 2 or 3");
        }
    }

    /**
     * Each model's credit per channel, models in request order, channels by name. The body is read once, as a stream:
     * every model accumulates row by row, so memory grows with the distinct channels and states, not with the rows.
     */
    public Result evaluate(InputStream csv, List<String> models, int order) {
        return evaluate(csv, models, order, TALLY);
    }

    /** As above, with {@code markov} in one of {@link #MARKOV_VARIANTS}. */
    public Result evaluate(InputStream csv, List<String> models, int order, String markovVariant) {
        return evaluate(csv, models, order, markovVariant, List.of(), 0);
    }

    /** As above, the incremental model calibrated to measured effects. */
    public Result evaluate(InputStream csv, List<String> models, int order, String markovVariant,
            List<IncrementalModel.Calibration> calibrations, int replicates) {
        ChannelDictionary channels = new ChannelDictionary();
        boolean compatible = CHANNEL_ATTRIBUTION.equals(markovVariant);
        MarkovChainEstimator markov = models.contains(MarkovModel.NAME) && !compatible
                ? new MarkovChainEstimator(order, channels)
                : null;
        ChannelAttributionMarkov markovCompatible = models.contains(MarkovModel.NAME) && compatible
                ? new ChannelAttributionMarkov(order, channels)
                : null;
        CoalitionGameBuilder shapley = models.contains(ShapleyModel.NAME)
                ? new CoalitionGameBuilder(channels, ShapleyModel.MAX_CHANNELS)
                : null;
        boolean intervals = replicates > 0 && models.stream().anyMatch(DATA_DRIVEN::contains);
        Map<List<String>, PathStat> paths = models.contains(IncrementalModel.NAME) || intervals
                ? new HashMap<>()
                : null;
        List<AttributionModel> ruleBased = models.stream()
                .filter(m -> !DATA_DRIVEN.contains(m)).distinct()
                .map(catalogue::model).toList();
        RuleBasedCredit rules = ruleBased.isEmpty() ? null : new RuleBasedCredit(channels, ruleBased);
        ExactSums withTouches = new ExactSums();
        PathFileReader.read(csv, channels, (touches, length, conversions, value, nulls) -> {
            if (length > 0) {
                withTouches.add(0, conversions);
                withTouches.add(1, value);
            }
            if (markov != null) {
                markov.add(touches, length, conversions, nulls);
            }
            if (markovCompatible != null) {
                markovCompatible.add(touches, length, conversions, value, nulls);
            }
            if (shapley != null) {
                shapley.add(touches, length, conversions, nulls);
            }
            if (rules != null) {
                rules.add(touches, length, conversions, value);
            }
            if (paths != null) {
                List<String> path = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    path.add(channels.name(touches[i]));
                }
                paths.merge(path, new PathStat(path, conversions, value, nulls), (a, b) -> new PathStat(path,
                        a.conversions().add(b.conversions()), a.value().add(b.value()), a.nulls().add(b.nulls())));
            }
        });
        List<ChannelCredit> out = new ArrayList<>();
        ShapleyResult game = shapley == null ? null : new ShapleyModel().fit(shapley.build());
        Map<String, BigDecimal> markovWeights = markov == null
                ? null
                : new MarkovModel(order).fit(markov.build())
                        .weights();
        IncrementalResult incremental = paths == null || paths.keySet().stream().allMatch(List::isEmpty)
                ? null
                : new IncrementalModel(config.intentSignals()).fit(List.copyOf(paths.values()), calibrations);
        for (String model : models) {
            Map<String, BigDecimal[]> byChannel = switch (model) {
                case MarkovModel.NAME -> compatible
                        ? byShares(withTouches, markovCompatible.fit())
                        : byShares(withTouches, markovWeights);
                case ShapleyModel.NAME -> byShares(withTouches, game.weights());
                case IncrementalModel.NAME -> incremental == null
                        ? Map.of()
                        : byShares(withTouches, nonNegative(incremental.credit()));
                default -> exact(rules.credits(catalogue.model(model)));
            };
            List<String> names = new ArrayList<>(byChannel.keySet());
            BigDecimal[] conversions = apportioned(withTouches.value(0),
                    names.stream().map(c -> byChannel.get(c)[0]).toList());
            BigDecimal[] value = apportioned(withTouches.value(1),
                    names.stream().map(c -> byChannel.get(c)[1]).toList());
            for (int i = 0; i < names.size(); i++) {
                out.add(new ChannelCredit(model, names.get(i), conversions[i], value[i]));
            }
        }
        List<BootstrapIntervals.Interval> bands = new ArrayList<>();
        if (intervals && paths.keySet().stream().anyMatch(p -> !p.isEmpty())) {
            List<PathStat> rows = List.copyOf(paths.values());
            for (String model : models.stream().distinct().toList()) {
                switch (model) {
                    case MarkovModel.NAME -> {
                        if (!compatible) {
                            bands.addAll(BootstrapIntervals.of(model, rows, BootstrapIntervals.sharesOf(markovWeights),
                                    r -> BootstrapIntervals.sharesOf(new MarkovModel(order).fit(r).weights()),
                                    replicates, INTERVAL_LEVEL));
                        }
                    }
                    case ShapleyModel.NAME -> bands.addAll(BootstrapIntervals.of(model, rows,
                            BootstrapIntervals.sharesOf(game.weights()),
                            r -> BootstrapIntervals.sharesOf(new ShapleyModel().fit(r).weights()), replicates,
                            INTERVAL_LEVEL));
                    case IncrementalModel.NAME -> {
                        // each replicate refits at the recency base the point fit chose
                        IncrementalModel refit = new IncrementalModel(config.intentSignals(),
                                List.of(incremental.decay()));
                        bands.addAll(BootstrapIntervals.of(model, rows,
                                BootstrapIntervals.shares(incremental.credit()),
                                r -> BootstrapIntervals.shares(refit.fit(r, calibrations).credit()), replicates,
                                INTERVAL_LEVEL));
                    }
                    default -> {
                    }
                }
            }
        }
        return new Result(out, game == null ? List.of() : game.interactions(),
                incremental == null ? List.of() : incremental.calibrations(), bands);
    }

    /**
     * The channels' figures of one column at {@value #SCALE} decimals, summing exactly to the total of the rows with
     * touches (at {@value #SCALE} decimals): every model only shares out each row's counts, so its exact figures sum
     * to that total, and what floating point and rounding lose is given back by largest remainder (no figure moves by
     * a unit of the last decimal or more). A total too large for that is rounded figure by figure.
     */
    static BigDecimal[] apportioned(BigDecimal total, List<BigDecimal> figures) {
        BigDecimal[] out = new BigDecimal[figures.size()];
        BigInteger units = total.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue();
        List<BigDecimal> weights = figures.stream().map(f -> f.max(BigDecimal.ZERO)).toList();
        if (figures.isEmpty() || units.bitLength() >= Long.SIZE
                || weights.stream().allMatch(w -> w.signum() == 0)) {
            for (int i = 0; i < out.length; i++) {
                out[i] = figures.get(i).setScale(SCALE, RoundingMode.HALF_EVEN);
            }
            return out;
        }
        long[] parts = LargestRemainder.split(units.longValueExact(), weights);
        for (int i = 0; i < out.length; i++) {
            out[i] = BigDecimal.valueOf(parts[i], SCALE);
        }
        return out;
    }

    private static Map<String, BigDecimal> nonNegative(Map<String, Double> credit) {
        Map<String, BigDecimal> out = new TreeMap<>();
        credit.forEach((channel, c) -> out.put(channel, BigDecimal.valueOf(Math.max(0, c))));
        return out;
    }

    private static Map<String, BigDecimal[]> exact(Map<String, double[]> sums) {
        Map<String, BigDecimal[]> result = new TreeMap<>();
        sums.forEach((channel, s) -> result.put(channel, new BigDecimal[]{BigDecimal.valueOf(s[0]),
                BigDecimal.valueOf(s[1])}));
        return result;
    }

    /** ChannelAttribution's Markov: conversions split by conversion shares, value by value shares. */
    private static Map<String, BigDecimal[]> byShares(ExactSums withTouches, ChannelAttributionMarkov.Shares shares) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        shares.conversions().forEach((channel, share) -> sums.put(channel, new BigDecimal[]{
                withTouches.value(0).multiply(BigDecimal.valueOf(share)),
                withTouches.value(1).multiply(BigDecimal.valueOf(shares.value().getOrDefault(channel, 0.0)))}));
        return sums;
    }

    /** A data-driven model: the exact totals of the rows with touches, split by the learned channel shares. */
    private static Map<String, BigDecimal[]> byShares(ExactSums withTouches, Map<String, BigDecimal> shares) {
        BigDecimal conversions = withTouches.value(0);
        BigDecimal value = withTouches.value(1);
        BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            BigDecimal share = sum.signum() == 0 ? BigDecimal.ZERO : e.getValue().divide(sum, MathContext.DECIMAL128);
            sums.put(e.getKey(), new BigDecimal[]{conversions.multiply(share), value.multiply(share)});
        }
        return sums;
    }
}
