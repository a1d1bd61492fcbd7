package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tally.attribution.models.AttributionModel;
import io.tally.attribution.models.JourneyTouch;

/**
 * A data-driven model as the live pipeline uses it: channel weights learned from a training window (Markov removal
 * effects or Shapley values), applied to each conversion's touches with {@link TouchWeights#perTouch}.
 *
 * @param name {@code markov} or {@code shapley}
 * @param version what produced the weights (model, parameters, training window, data fingerprint); stored with every
 *        credit
 * @param channelWeights per state ({@code channel:kind}, as {@link JourneyTouch#state()}; a channel's wire name in
 *        versions trained before)
 */
public record TrainedModel(String name, String version, Map<String, BigDecimal> channelWeights)
        implements
            AttributionModel {

    public TrainedModel {
        channelWeights = Map.copyOf(channelWeights);
    }

    /**
     * Each touch weighs as its state ({@code email:open}); a state the model has no weight for falls back to its
     * channel's, which versions trained before touch kinds were states hold.
     */
    @Override
    public List<BigDecimal> weights(List<JourneyTouch> journey, Instant conversionAt) {
        return TouchWeights.perTouch(channelWeights, journey.stream().map(t -> channelWeights.containsKey(t.state())
                ? t.state()
                : t.channel().wireName()).toList());
    }

    /** The model learnt what each kind of touch is worth; touch weights would count that twice. */
    @Override
    public boolean honoursTouchWeights() {
        return false;
    }

    /**
     * The SHA-256 (hex) of path statistics in a canonical form: one line {@code path,conversions,nulls} per row, in
     * path order, counts without trailing zeros. The same journeys always give the same fingerprint.
     */
    public static String fingerprint(List<PathStat> rows) {
        Map<String, String> lines = new TreeMap<>();
        for (PathStat row : rows) {
            String path = String.join(">", row.path());
            lines.merge(path, row.conversions().stripTrailingZeros().toPlainString() + ","
                    + row.nulls().stripTrailingZeros().toPlainString(), (a, b) -> a + ";" + b);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach((path, counts) -> sha.update((path + "," + counts + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
