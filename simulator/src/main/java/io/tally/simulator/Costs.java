package io.tally.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scenario's channels cost for the journeys drawn: each touch costs its channel's
 * {@link ChannelSpec#costPerTouch()}, exactly (decimal money). With the true incremental revenue per channel this is
 * the true return on each channel's spend.
 */
public final class Costs {

    private Costs() {
    }

    /** Each channel of the scenario (those never touched too) with its cost over the customers' touches. */
    public static Map<String, BigDecimal> of(Scenario scenario, List<Customer> customers) {
        Map<String, BigDecimal> unit = new TreeMap<>();
        Map<String, BigDecimal> out = new TreeMap<>();
        for (ChannelSpec spec : scenario.channels()) {
            unit.put(spec.channel(), spec.costPerTouch());
            out.put(spec.channel(), spec.costPerTouch().multiply(BigDecimal.ZERO));
        }
        for (Customer customer : customers) {
            for (Touch touch : customer.touches()) {
                BigDecimal cost = unit.get(touch.channel());
                if (cost == null) {
                    throw new IllegalArgumentException("scenario " + scenario.name() + " has no channel "
                            + touch.channel());
                }
                out.merge(touch.channel(), cost, BigDecimal::add);
            }
        }
        return out;
    }

    /**
     * Return on spend, {@code (revenue − cost) / cost} to 4 decimals (half even), as Tally's reports state ROI; null
     * when the channel cost nothing.
     */
    public static BigDecimal roi(BigDecimal revenue, BigDecimal cost) {
        return cost.signum() == 0 ? null : revenue.subtract(cost).divide(cost, 4, RoundingMode.HALF_EVEN);
    }
}
