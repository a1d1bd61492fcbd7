package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tally.attribution.journeys.JourneyCollector;

/**
 * Turns profiles' touches and conversions into path statistics, converting and non-converting, for training the
 * data-driven models on live data: the journeys of a {@link JourneyCollector} (see there for the windowing), counted by
 * path. Feed one profile's events at a time in time order, then call {@link #build()}.
 */
public final class JourneyPathBuilder {

    private final Map<List<String>, BigDecimal[]> paths = new HashMap<>();
    private final JourneyCollector journeys;

    /**
     * @param lookback how long before a conversion a touch may earn it
     * @param windowStart journeys ending before this instant are not counted
     */
    public JourneyPathBuilder(Duration lookback, Instant windowStart) {
        this.journeys = new JourneyCollector(lookback, windowStart, j -> count(j.channels(), j.converted()));
    }

    /** A touch of {@code profileId} on a channel (by name). */
    public void touch(long profileId, Instant at, String channel) {
        journeys.touch(profileId, at, channel);
    }

    /** A touch of {@code profileId} in a state (by name) that a conversion claims within {@code lookback}. */
    public void touch(long profileId, Instant at, String state, Duration lookback) {
        journeys.touch(profileId, at, state, false, lookback);
    }

    /** A conversion of {@code profileId}: closes its journey. */
    public void conversion(long profileId, Instant at) {
        journeys.conversion(profileId, at, 0, null);
    }

    /** The path statistics of every journey fed so far, sorted by path; closes the last profile's open journey. */
    public List<PathStat> build() {
        journeys.finish();
        List<PathStat> rows = new ArrayList<>(paths.size());
        paths.forEach((path, counts) -> rows.add(new PathStat(path, counts[0], BigDecimal.ZERO, counts[1])));
        rows.sort(Comparator.comparing(row -> String.join(">", row.path())));
        return rows;
    }

    private void count(List<String> path, boolean converted) {
        BigDecimal[] counts = paths.computeIfAbsent(path, p -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        counts[converted ? 0 : 1] = counts[converted ? 0 : 1].add(BigDecimal.ONE);
    }
}
