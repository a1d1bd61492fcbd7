package io.tally.attribution.domain.datadriven;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns profiles' touches and conversions into path statistics, converting and non-converting, for training the
 * data-driven models on live data. Feed one profile's events at a time in time order (touches before a conversion at
 * the same instant), then call {@link #build()}.
 *
 * <p>
 * A converting journey is a conversion's touches within the lookback before it and after the profile's previous
 * conversion, the same window the live pipeline credits. Touches that no conversion claims form a non-converting
 * journey: those that fell out of a conversion's lookback, and those after a profile's last conversion (censored: they
 * may still convert after the window). Only journeys that end inside the training window count; earlier events only
 * close the journeys they belong to.
 */
public final class JourneyPathBuilder {

    private final Duration lookback;
    private final Instant windowStart;
    private final Map<List<String>, BigDecimal[]> paths = new HashMap<>();
    private final List<Instant> pendingAt = new ArrayList<>();
    private final List<String> pendingChannel = new ArrayList<>();
    private Long profile;
    private Instant last;

    /**
     * @param lookback how long before a conversion a touch may earn it
     * @param windowStart journeys ending before this instant are not counted
     */
    public JourneyPathBuilder(Duration lookback, Instant windowStart) {
        this.lookback = lookback;
        this.windowStart = windowStart;
    }

    /** A touch of {@code profileId} on a channel (by name). */
    public void touch(long profileId, Instant at, String channel) {
        advance(profileId, at);
        pendingAt.add(at);
        pendingChannel.add(channel);
    }

    /** A conversion of {@code profileId}: closes its journey. */
    public void conversion(long profileId, Instant at) {
        advance(profileId, at);
        Instant from = at.minus(lookback);
        int first = 0;
        while (first < pendingAt.size() && pendingAt.get(first).isBefore(from)) {
            first++;
        }
        if (first > 0 && !pendingAt.get(first - 1).isBefore(windowStart)) {
            count(pendingChannel.subList(0, first), false);
        }
        if (!at.isBefore(windowStart)) {
            count(pendingChannel.subList(first, pendingChannel.size()), true);
        }
        pendingAt.clear();
        pendingChannel.clear();
    }

    /** The path statistics of every journey fed so far, sorted by path; closes the last profile's open journey. */
    public List<PathStat> build() {
        closeProfile();
        List<PathStat> rows = new ArrayList<>(paths.size());
        paths.forEach((path, counts) -> rows.add(new PathStat(path, counts[0], BigDecimal.ZERO, counts[1])));
        rows.sort(Comparator.comparing(row -> String.join(">", row.path())));
        return rows;
    }

    private void advance(long profileId, Instant at) {
        if (profile == null || profile != profileId) {
            closeProfile();
            profile = profileId;
        } else if (at.isBefore(last)) {
            throw new IllegalArgumentException("events of profile " + profileId + " out of time order: " + at
                    + " after " + last);
        }
        last = at;
    }

    private void closeProfile() {
        if (!pendingAt.isEmpty() && !pendingAt.get(pendingAt.size() - 1).isBefore(windowStart)) {
            count(pendingChannel, false);
        }
        pendingAt.clear();
        pendingChannel.clear();
    }

    private void count(List<String> path, boolean converted) {
        BigDecimal[] counts = paths.computeIfAbsent(List.copyOf(path),
                p -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        counts[converted ? 0 : 1] = counts[converted ? 0 : 1].add(BigDecimal.ONE);
    }
}
