package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of path statistics: a channel path and how many journeys took it, converting or not.
 *
 * <p>
 * Counts may be fractional (e.g. after identity de-duplication or sampling weights) but never negative. An empty path
 * is a journey with no touch: the Markov model counts it in the start→conversion / start→null baseline, the Shapley
 * model ignores it; it credits no channel in either. The conversion value is carried for reports; the models weigh
 * rows by their counts only.
 *
 * @param path channel names, one per touch, in time order; never null, names never blank
 * @param conversions converting journeys with this path, {@code >= 0}
 * @param value total conversion value of those journeys, {@code >= 0}
 * @param nulls non-converting journeys with this path, {@code >= 0}
 */
public record PathStat(List<String> path, BigDecimal conversions, BigDecimal value, BigDecimal nulls) {

    /** Validates and copies the row; a bad field is refused with an {@link IllegalArgumentException} naming it. */
    public PathStat {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        for (String channel : path) {
            if (channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("path must not contain a blank channel name: " + path);
            }
        }
        path = List.copyOf(path);
        requireNonNegative("conversions", conversions);
        requireNonNegative("value", value);
        requireNonNegative("nulls", nulls);
    }

    /** A row with zero conversion value, for counts-only inputs. */
    public static PathStat of(List<String> path, long conversions, long nulls) {
        return new PathStat(path, BigDecimal.valueOf(conversions), BigDecimal.ZERO, BigDecimal.valueOf(nulls));
    }

    /** Converting plus non-converting journeys of this row. */
    public BigDecimal journeys() {
        return conversions.add(nulls);
    }

    /** The path with consecutive repeats of a channel collapsed: {@code social > social > email → social > email}. */
    public List<String> collapsedPath() {
        List<String> collapsed = new ArrayList<>(path.size());
        for (String channel : path) {
            if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(channel)) {
                collapsed.add(channel);
            }
        }
        return collapsed;
    }

    private static void requireNonNegative(String field, BigDecimal count) {
        Objects.requireNonNull(count, () -> field + " must not be null");
        if (count.signum() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + count.toPlainString());
        }
    }
}
