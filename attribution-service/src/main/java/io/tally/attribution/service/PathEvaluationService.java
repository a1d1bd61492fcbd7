package io.tally.attribution.service;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.domain.AttributionModel;
import io.tally.attribution.domain.JourneyTouch;
import io.tally.attribution.domain.TimeDecayModel;
import io.tally.attribution.domain.datadriven.MarkovModel;
import io.tally.attribution.domain.datadriven.PathStat;
import io.tally.attribution.domain.datadriven.ShapleyModel;
import io.tally.events.Channel;
import io.tally.events.validation.Violations;

/**
 * Evaluates path statistics with the same domain models as the live pipeline. Rule-based models credit every touch of a
 * path (so {@code social > social > email} under linear gives social two thirds); Markov and Shapley learn channel
 * shares from all rows and split the total conversions and value of the rows with touches by those shares.
 */
@ApplicationScoped
public class PathEvaluationService {

    /** Output scale of conversions and value. */
    static final int SCALE = 6;

    @Inject
    CreditService credits;

    /** Every model this endpoint evaluates: the rule-based ones with touch times excepted, Markov and Shapley. */
    public List<String> evaluableModels() {
        List<String> names = new ArrayList<>(credits.knownModels());
        names.remove(TimeDecayModel.NAME);
        names.add(MarkovModel.NAME);
        names.add(ShapleyModel.NAME);
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

    /** Each model's credit per channel, models in request order, channels by name. */
    public List<ChannelCredit> evaluate(InputStream csv, List<String> models, int order) {
        List<PathStat> rows = PathFileReader.read(csv);
        List<ChannelCredit> out = new ArrayList<>();
        for (String model : models) {
            Map<String, BigDecimal[]> byChannel = switch (model) {
                case MarkovModel.NAME -> byShares(rows, new MarkovModel(order).fit(rows).weights());
                case ShapleyModel.NAME -> byShares(rows, new ShapleyModel().fit(rows).weights());
                default -> byTouch(rows, credits.model(model));
            };
            byChannel.forEach((channel, sums) -> out.add(new ChannelCredit(model, channel,
                    sums[0].setScale(SCALE, RoundingMode.HALF_EVEN), sums[1].setScale(SCALE, RoundingMode.HALF_EVEN))));
        }
        return out;
    }

    /** A rule-based model row by row: each path's counts split over its touches by the model's weights. */
    private static Map<String, BigDecimal[]> byTouch(List<PathStat> rows, AttributionModel model) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (PathStat row : rows) {
            if (row.path().isEmpty()) {
                continue;
            }
            List<JourneyTouch> touches = row.path().stream()
                    .map(name -> new JourneyTouch(Instant.EPOCH, Channel.fromWireName(name).orElse(Channel.OTHER)))
                    .toList();
            List<BigDecimal> weights = model.weights(touches, Instant.EPOCH);
            BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < touches.size(); i++) {
                BigDecimal share = weights.get(i).divide(total, MathContext.DECIMAL128);
                add(sums, row.path().get(i), row.conversions().multiply(share), row.value().multiply(share));
            }
        }
        return sums;
    }

    /** A data-driven model: the totals of the rows with touches, split by the learned channel shares. */
    private static Map<String, BigDecimal[]> byShares(List<PathStat> rows, Map<String, BigDecimal> shares) {
        BigDecimal conversions = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (PathStat row : rows) {
            if (!row.path().isEmpty()) {
                conversions = conversions.add(row.conversions());
                value = value.add(row.value());
            }
        }
        BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            BigDecimal share = sum.signum() == 0 ? BigDecimal.ZERO : e.getValue().divide(sum, MathContext.DECIMAL128);
            add(sums, e.getKey(), conversions.multiply(share), value.multiply(share));
        }
        return sums;
    }

    private static void add(Map<String, BigDecimal[]> sums, String channel, BigDecimal conversions, BigDecimal value) {
        BigDecimal[] s = sums.computeIfAbsent(channel, c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(conversions);
        s[1] = s[1].add(value);
    }
}
