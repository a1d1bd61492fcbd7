package io.tally.simulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a scenario's customers meet one channel. A customer of intent u is reached with probability
 * sigmoid(reachLogit + intentSlope·u) (a positive slope is confounding: high-intent customers see more of it); a
 * reached customer gets one touch and then another with the scenario's repeat probability each time. Each touch's kind
 * is drawn uniformly from {@code kinds}; its day is uniform over the journey, or, for a {@code late} channel, within
 * the scenario's last {@code lateWindowDays} before the decision (searching or typing the address just before buying).
 * Every touch costs {@code costPerTouch} (a click, a piece of mail, a call; 0 for what the programme does not pay per
 * touch), so a channel's cost is its touches times that ({@link Costs}).
 */
public record ChannelSpec(String channel, List<String> kinds, double reachLogit, double intentSlope, boolean late,
        BigDecimal costPerTouch) {

    public ChannelSpec {
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("channel " + channel + " needs a touch kind");
        }
    }

    /** The same channel with another reach and slope and timing. */
    public ChannelSpec withReach(double newReachLogit, double newIntentSlope, boolean newLate) {
        return new ChannelSpec(channel, kinds, newReachLogit, newIntentSlope, newLate, costPerTouch);
    }
}
