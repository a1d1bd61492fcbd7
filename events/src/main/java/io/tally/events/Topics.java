package io.tally.events;

import java.util.List;

/**
 * Every Kafka topic of Tally. Services name topics only through these constants; {@link #ALL} is what a local broker
 * creates and what a deployment must provide.
 */
public final class Topics {

    /** {@link Touchpoint}s, keyed by customer identity. */
    public static final String TOUCHPOINTS = "tally.touchpoints";
    /** {@link Conversion}s, keyed by customer identity. */
    public static final String CONVERSIONS = "tally.conversions";
    /** {@link ConversionAdjustment}s (refunds, cancellations), keyed by order id. */
    public static final String CONVERSION_ADJUSTMENTS = "tally.conversion-adjustments";
    /** {@link Cost}s, keyed by campaign code. */
    public static final String COSTS = "tally.costs";
    /** {@link IdentityLink}s, keyed by customer identity. */
    public static final String IDENTITY_LINKS = "tally.identity-links";
    /** {@link CampaignChanged}, compacted, keyed by campaign id. */
    public static final String CAMPAIGNS = "tally.campaigns";
    /** {@link Attribution}s, keyed by conversion event id. */
    public static final String ATTRIBUTIONS = "tally.attributions";
    /** {@link GoalStatusChanged}s, keyed by goal id. */
    public static final String GOAL_STATUS = "tally.goal-status";
    /** {@link Reject}s: dead letters with source, payload, field and reason. */
    public static final String REJECTS = "tally.rejects";

    /** How a topic is laid out: partitions for a single local broker, and whether it is compacted. */
    public record Spec(String name, int partitions, boolean compacted) {
    }

    public static final List<Spec> ALL = List.of(
            new Spec(TOUCHPOINTS, 6, false),
            new Spec(CONVERSIONS, 6, false),
            new Spec(CONVERSION_ADJUSTMENTS, 3, false),
            new Spec(COSTS, 3, false),
            new Spec(IDENTITY_LINKS, 6, false),
            new Spec(CAMPAIGNS, 3, true),
            new Spec(ATTRIBUTIONS, 6, false),
            new Spec(GOAL_STATUS, 3, false),
            new Spec(REJECTS, 3, false));

    private Topics() {
    }
}
