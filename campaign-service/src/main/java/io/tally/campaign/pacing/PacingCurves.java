package io.tally.campaign.pacing;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A programme's pacing setting: {@code linear} (the default), or {@code weekday} with a weight per weekday
 * ({@code {"saturday": "0.5", "sunday": "0"}}; a weekday left out weighs 1).
 */
public final class PacingCurves {

    /** The curve names a programme may choose. */
    public static final List<String> NAMES = List.of("linear", "weekday");

    /** A field of the setting that is not acceptable, and why. */
    public record Problem(String field, String reason) {
    }

    private PacingCurves() {
    }

    /** What is wrong with a setting (field names relative to the request: {@code pacing}, {@code weekdayWeights.x}). */
    public static List<Problem> problems(String name, Map<String, String> weekdayWeights) {
        List<Problem> problems = new ArrayList<>();
        String curve = name == null ? "linear" : name;
        if (!NAMES.contains(curve)) {
            problems.add(new Problem("pacing", "must be one of " + String.join(", ", NAMES)));
            return problems;
        }
        Map<String, String> weights = weekdayWeights == null ? Map.of() : weekdayWeights;
        if (curve.equals("linear") && !weights.isEmpty()) {
            problems.add(new Problem("weekdayWeights", "are only read with pacing weekday"));
            return problems;
        }
        boolean anyPositive = weights.size() < DayOfWeek.values().length;
        for (Map.Entry<String, String> e : weights.entrySet()) {
            String field = "weekdayWeights." + e.getKey();
            if (day(e.getKey()) == null) {
                problems.add(new Problem(field, "must be a weekday: monday … sunday"));
                continue;
            }
            BigDecimal weight = decimal(e.getValue());
            if (weight == null || weight.signum() < 0) {
                problems.add(new Problem(field, "must be a decimal of 0 or more, such as 1.5"));
            } else if (weight.signum() > 0) {
                anyPositive = true;
            }
        }
        if (problems.isEmpty() && !anyPositive) {
            problems.add(new Problem("weekdayWeights", "at least one weekday must weigh more than 0"));
        }
        return problems;
    }

    /** The curve of a valid setting. */
    public static PacingCurve of(String name, Map<String, String> weekdayWeights) {
        if (name == null || name.equals("linear")) {
            return new LinearPacing();
        }
        Map<DayOfWeek, BigDecimal> weights = new EnumMap<>(DayOfWeek.class);
        weekdayWeights.forEach((day, weight) -> weights.put(day(day), new BigDecimal(weight.strip())));
        return new WeekdayPacing(weights);
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
