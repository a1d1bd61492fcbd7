package io.tally.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A randomised holdout test of one channel, run on a fresh population of the scenario: every customer the channel
 * would reach is assigned to treatment or to the holdout with equal chance; the holdout's touches of the channel are
 * removed; each customer's conversion is drawn from the causal model. The measured relative lift is
 * L = CR_treated / CR_holdout − 1, with a 90 % confidence interval from the normal approximation of log(CR ratio)
 * (variance (1 − p_t)/(n_t p_t) + (1 − p_h)/(n_h p_h)). This is what an analyst enters in Tally; its true value is
 * the mean over the reached customers of P(convert | seen) / P(convert | not seen) in expectation, which the
 * measurement approaches as the population grows.
 *
 * @param channel the channel tested
 * @param treated customers in treatment
 * @param held customers held out
 * @param lift the measured relative lift L
 * @param low the 90 % interval's lower end
 * @param high its upper end
 */
public record Experiment(String channel, long treated, long held, double lift, double low, double high) {

    /** z for a two-sided 90 % interval. */
    static final double Z90 = 1.6448536269514722;

    /** L / (1 + L): the share of the treated group's conversions the channel caused. */
    public double incrementalShare() {
        return Math.max(0, lift / (1 + lift));
    }

    /** Runs the test on {@code customers} fresh customers drawn with {@code seed}. */
    public static Experiment run(Scenario scenario, String channel, int customers, long seed) {
        if (scenario.channels().stream().noneMatch(c -> c.channel().equals(channel))) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " has no channel " + channel);
        }
        SplittableRandom assignment = new SplittableRandom(seed ^ 0x5DEECE66DL);
        SplittableRandom outcome = new SplittableRandom(seed * 31 + 17);
        long treated = 0;
        long held = 0;
        long treatedConversions = 0;
        long heldConversions = 0;
        for (Customer customer : Simulator.run(scenario, customers, seed)) {
            boolean reached = customer.touches().stream().anyMatch(t -> t.channel().equals(channel));
            if (!reached) {
                continue;
            }
            boolean treat = assignment.nextBoolean();
            List<Touch> seen = new ArrayList<>(customer.touches());
            if (!treat) {
                seen.removeIf(t -> t.channel().equals(channel));
            }
            Map<String, Double> exposure = scenario.model().exposure(seen, customer.decisionDay());
            boolean converted = outcome.nextDouble() < scenario.model().probability(exposure, customer.intent());
            if (treat) {
                treated++;
                treatedConversions += converted ? 1 : 0;
            } else {
                held++;
                heldConversions += converted ? 1 : 0;
            }
        }
        if (treatedConversions == 0 || heldConversions == 0) {
            throw new IllegalArgumentException("too few conversions in the test of " + channel
                    + "; use more customers");
        }
        double pt = (double) treatedConversions / treated;
        double ph = (double) heldConversions / held;
        double logRatio = Math.log(pt / ph);
        double se = Math.sqrt((1 - pt) / (treated * pt) + (1 - ph) / (held * ph));
        return new Experiment(channel, treated, held, pt / ph - 1, Math.exp(logRatio - Z90 * se) - 1,
                Math.exp(logRatio + Z90 * se) - 1);
    }
}
