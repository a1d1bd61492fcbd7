package io.tally.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.tally.events.json.EventJson;
import io.tally.events.validation.Violations;

/**
 * How attribution credits one programme's conversions where it departs from the deployment's settings
 * ({@code tally.attribution.*}). Every part is optional: a kind or model not listed, or a null, keeps the deployment's
 * value. The programme's lookback and official model are programme fields of their own.
 *
 * @param touchWeights the weight of a touch of each kind, by {@link TouchKind} wire name ({@code email_open}); 0 earns
 *        nothing; at most {@value #MAX_TOUCH_WEIGHT}
 * @param positionShares first/middle/last shares of the position models by model name ({@code position_based},
 *        {@code j_curve}, {@code inverse_j}, {@code custom}) as {@code first/middle/last}, e.g. {@code 0.4/0.2/0.4}
 *        (normalised, so {@code 40/20/40} is the same)
 * @param timeDecayHalfLife the {@code time_decay} half-life as an ISO-8601 duration ({@code P7D}, {@code PT12H}), from
 *        one hour to 365 days
 * @param markovOrder the memory of the {@code markov} model the programme's conversions are credited with: 1, 2 or 3
 */
public record ModelSettings(Map<String, BigDecimal> touchWeights, Map<String, String> positionShares,
        String timeDecayHalfLife, Integer markovOrder) {

    /** Settings that change nothing: every value is the deployment's. */
    public static final ModelSettings NONE = new ModelSettings(Map.of(), Map.of(), null, null);

    /** The position models whose shares a programme may set. */
    public static final List<String> POSITION_MODELS = List.of("position_based", "j_curve", "inverse_j", "custom");

    public static final BigDecimal MAX_TOUCH_WEIGHT = new BigDecimal("100");
    public static final Duration MIN_HALF_LIFE = Duration.ofHours(1);
    public static final Duration MAX_HALF_LIFE = Duration.ofDays(365);

    public ModelSettings {
        touchWeights = touchWeights == null ? Map.of() : Map.copyOf(new TreeMap<>(touchWeights));
        positionShares = positionShares == null ? Map.of() : Map.copyOf(new TreeMap<>(positionShares));
    }

    /** The weight the programme gives {@code kind}, or empty when it keeps the deployment's. */
    public Optional<BigDecimal> weightOf(TouchKind kind) {
        return Optional.ofNullable(touchWeights.get(kind.wireName()));
    }

    /** The half-life, or empty when the programme keeps the deployment's. */
    public Optional<Duration> halfLife() {
        return Optional.ofNullable(timeDecayHalfLife).map(Duration::parse);
    }

    /** True when every value is the deployment's. */
    @JsonIgnore // derived: not a field of the JSON
    public boolean isDefault() {
        return touchWeights.isEmpty() && positionShares.isEmpty() && timeDecayHalfLife == null && markovOrder == null;
    }

    /**
     * Three non-negative shares with a positive sum from {@code first/middle/last}; empty when {@code value} is not
     * that.
     */
    public static Optional<List<BigDecimal>> shares(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("/", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            List<BigDecimal> shares = List.of(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()),
                    new BigDecimal(parts[2].strip()));
            boolean valid = shares.stream().allMatch(s -> s.signum() >= 0)
                    && shares.stream().anyMatch(s -> s.signum() > 0);
            return valid ? Optional.of(shares) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks every part (names in any case); field names are {@code touchWeights.<kind>}, {@code positionShares.<model>}, ....
     */
    public void validate(Violations v) {
        touchWeights.forEach((name, weight) -> {
            String field = "touchWeights." + name;
            if (TouchKind.fromWireName(name.strip()).isEmpty()) {
                v.add(field, "is not a touch kind; one of " + kindNames());
            } else if (weight == null || weight.signum() < 0 || weight.compareTo(MAX_TOUCH_WEIGHT) > 0) {
                v.add(field, "must be a number from 0 to " + MAX_TOUCH_WEIGHT);
            } else if (weight.stripTrailingZeros().scale() > 6) {
                v.add(field, "must have at most 6 decimal places");
            }
        });
        positionShares.forEach((model, value) -> {
            String field = "positionShares." + model;
            if (!POSITION_MODELS.contains(model.strip().toLowerCase(Locale.ROOT))) {
                v.add(field, "is not a position model; one of " + String.join(", ", POSITION_MODELS));
            } else if (shares(value).isEmpty()) {
                v.add(field, "must be first/middle/last non-negative shares with a positive sum, e.g. 0.4/0.2/0.4");
            }
        });
        if (timeDecayHalfLife != null) {
            try {
                Duration halfLife = Duration.parse(timeDecayHalfLife);
                if (halfLife.compareTo(MIN_HALF_LIFE) < 0 || halfLife.compareTo(MAX_HALF_LIFE) > 0) {
                    v.add("timeDecayHalfLife", "must be from PT1H to P365D");
                }
            } catch (DateTimeParseException e) {
                v.add("timeDecayHalfLife", "must be an ISO-8601 duration such as P7D or PT12H");
            }
        }
        if (markovOrder != null && (markovOrder < 1 || markovOrder > 3)) {
            v.add("markovOrder", "must be 1, 2 or 3");
        }
    }

    /**
     * The same settings in one spelling: kind and model names in wire form (lower case), weights without trailing
     * zeros, shares as given but trimmed, the half-life in whole days ({@code P7D}) when it is, else ISO seconds form.
     * Call on validated settings.
     */
    public ModelSettings canonical() {
        Map<String, BigDecimal> weights = new TreeMap<>();
        touchWeights.forEach((name, weight) -> weights.put(name.strip().toLowerCase(Locale.ROOT),
                weight.signum() == 0 ? BigDecimal.ZERO : weight.stripTrailingZeros()));
        Map<String, String> positions = new TreeMap<>();
        positionShares.forEach((model, value) -> positions.put(model.strip().toLowerCase(Locale.ROOT),
                String.join("/", List.of(value.split("/", -1)).stream().map(String::strip).toList())));
        String halfLife = null;
        if (timeDecayHalfLife != null) {
            Duration d = Duration.parse(timeDecayHalfLife.strip());
            halfLife = d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
        }
        return new ModelSettings(weights, positions, halfLife, markovOrder);
    }

    /** The settings as JSON, the form services store them in (a {@code jsonb} column). */
    public String toJson() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model settings cannot be written", e);
        }
    }

    /** Settings stored by {@link #toJson()}; an unreadable value is a bug, not a client error. */
    public static ModelSettings fromJson(String json) {
        try {
            return EventJson.mapper().readValue(json, ModelSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored model settings are unreadable: " + json, e);
        }
    }

    private static List<String> kindNames() {
        return List.of(TouchKind.values()).stream().map(TouchKind::wireName).toList();
    }
}
