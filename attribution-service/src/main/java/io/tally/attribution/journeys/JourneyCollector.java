package io.tally.attribution.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts profiles' touches and conversions into journeys, converting and not, and hands each to a sink. Feed one
 * profile's events at a time in time order (touches before a conversion at the same instant), then call
 * {@link #finish()}.
 *
 * <p>
 * A converting journey is a conversion's touches within the lookback before it and after the profile's previous
 * conversion, the same window the live pipeline credits (possibly none: a conversion without touches); each touch may
 * bring its own lookback (its programme's), else the collector's. Touches that no conversion claims form a
 * non-converting journey: those that fell out of a conversion's lookback, and those after a profile's last conversion
 * (censored: they may still convert later). Only journeys that end inside the window count
 * (from {@code windowStart} on); earlier events only close the journeys they belong to.
 */
public final class JourneyCollector {

    /**
     * One journey: its touches' channels in time order, whether it converted, for a converting one the revenue
     * (minor units, currency) and the time from its first touch to the conversion (zero without touches), and whether
     * any of its touches was marked (e.g. belongs to one programme).
     */
    public record Journey(List<String> channels, boolean converted, long revenueMinor, String currency,
            Duration timeToConvert, boolean marked) {
    }

    private final Duration lookback;
    private final Instant windowStart;
    private final Consumer<Journey> sink;
    private final List<Instant> pendingAt = new ArrayList<>();
    private final List<String> pendingChannel = new ArrayList<>();
    private final List<Boolean> pendingMarked = new ArrayList<>();
    private final List<Duration> pendingLookback = new ArrayList<>();
    private Long profile;
    private Instant last;

    /**
     * @param lookback how long before a conversion a touch may earn it, unless the touch brings its own
     * @param windowStart journeys ending before this instant are not counted
     * @param sink receives every counted journey
     */
    public JourneyCollector(Duration lookback, Instant windowStart, Consumer<Journey> sink) {
        this.lookback = lookback;
        this.windowStart = windowStart;
        this.sink = sink;
    }

    /** A touch of {@code profileId} on a channel (by name). */
    public void touch(long profileId, Instant at, String channel) {
        touch(profileId, at, channel, false);
    }

    /** A touch of {@code profileId} on a channel (by name), marked or not. */
    public void touch(long profileId, Instant at, String channel, boolean marked) {
        touch(profileId, at, channel, marked, lookback);
    }

    /** A touch of {@code profileId} on a channel (by name), marked or not, that a conversion claims within its lookback. */
    public void touch(long profileId, Instant at, String channel, boolean marked, Duration touchLookback) {
        advance(profileId, at);
        pendingAt.add(at);
        pendingChannel.add(channel);
        pendingMarked.add(marked);
        pendingLookback.add(touchLookback);
    }

    /** A conversion of {@code profileId}: closes its journey. */
    public void conversion(long profileId, Instant at, long revenueMinor, String currency) {
        advance(profileId, at);
        List<String> claimed = new ArrayList<>();
        List<String> unclaimed = new ArrayList<>();
        boolean claimedMarked = false;
        boolean unclaimedMarked = false;
        Instant firstClaimed = null;
        Instant lastUnclaimed = null;
        for (int i = 0; i < pendingAt.size(); i++) {
            Instant touched = pendingAt.get(i);
            if (touched.isBefore(at.minus(pendingLookback.get(i)))) {
                unclaimed.add(pendingChannel.get(i));
                unclaimedMarked |= pendingMarked.get(i);
                lastUnclaimed = touched;
            } else {
                claimed.add(pendingChannel.get(i));
                claimedMarked |= pendingMarked.get(i);
                firstClaimed = firstClaimed == null ? touched : firstClaimed;
            }
        }
        if (lastUnclaimed != null && !lastUnclaimed.isBefore(windowStart)) {
            sink.accept(new Journey(List.copyOf(unclaimed), false, 0, null, null, unclaimedMarked));
        }
        if (!at.isBefore(windowStart)) {
            Duration toConvert = firstClaimed != null ? Duration.between(firstClaimed, at) : Duration.ZERO;
            sink.accept(new Journey(List.copyOf(claimed), true, revenueMinor, currency, toConvert, claimedMarked));
        }
        clearPending();
    }

    /** Closes the last profile's open journey. */
    public void finish() {
        closeProfile();
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
            sink.accept(new Journey(List.copyOf(pendingChannel), false, 0, null, null, pendingMarked.contains(true)));
        }
        clearPending();
    }

    private void clearPending() {
        pendingAt.clear();
        pendingChannel.clear();
        pendingMarked.clear();
        pendingLookback.clear();
    }
}
