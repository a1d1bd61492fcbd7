package io.tally.attribution.ledger;

import java.util.Locale;

/** Why ledger rows were posted; stored with every row (column {@code reason}). */
public enum CreditReason {
    /** A conversion arrived: its first credit. */
    CONVERSION,
    /** A touchpoint arrived after a conversion whose journey it belongs to. */
    LATE_TOUCH,
    /** Two profiles merged, so journeys gained touches. */
    IDENTITY_MERGE,
    /** A tracking or coupon code started or stopped resolving to a campaign. */
    CAMPAIGN_CHANGE,
    /** Part or all of the order was refunded. */
    REFUND,
    /** The order was cancelled. */
    CANCELLATION,
    /** A data-driven model was trained and credited conversions it had not credited before. */
    MODEL_TRAINING,
    /** A verified source stated the order's revenue, replacing what an unverified one had said. */
    RESTATEMENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
