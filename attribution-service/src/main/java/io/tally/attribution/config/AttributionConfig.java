package io.tally.attribution.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How attribution credits conversions. */
@ConfigMapping(prefix = "tally.attribution")
public interface AttributionConfig {

    /**
     * Models that credit every conversion, by name: first_touch, last_touch, last_non_direct, linear, time_decay,
     * position_based, j_curve, inverse_j, custom, and the data-driven markov and shapley (which credit once they have
     * been trained).
     */
    @WithDefault("first_touch,last_touch,last_non_direct,linear,time_decay,position_based,j_curve,inverse_j,custom,"
            + "markov,shapley,incremental")
    List<String> models();

    /** The time_decay half-life H: a touch's weight is 2^(−Δt/H). */
    @WithDefault("7D")
    Duration timeDecayHalfLife();

    /** First/middle/last shares of the position models, as {@code first/middle/last} (e.g. {@code 0.4/0.2/0.4}). */
    Positions positions();

    /** The custom model's factor per channel (by wire name, e.g. {@code email=1.5}); channels not listed count 1. */
    Map<String, BigDecimal> customChannelFactors();

    /** Shares of the position-based models. */
    interface Positions {

        /** position_based: 40% first, 20% spread over the middle, 40% last. */
        @WithDefault("0.4/0.2/0.4")
        String positionBased();

        /** j_curve: the last touch weighs most. */
        @WithDefault("0.2/0.2/0.6")
        String jCurve();

        /** inverse_j: the first touch weighs most. */
        @WithDefault("0.6/0.2/0.2")
        String inverseJ();

        /** custom: the position shares the channel factors multiply. */
        @WithDefault("0.4/0.2/0.4")
        String custom();
    }

    /**
     * The weight of each touch kind (by wire name: {@code impression}, {@code email_open}, {@code click},
     * {@code visit}, {@code engagement}, {@code offline_contact}, {@code coupon_redemption}), from 0 (earns nothing) up;
     * kinds not listed keep the defaults of {@code TouchKind}.
     */
    Map<String, BigDecimal> touchWeights();

    /**
     * How web page views (interactions {@code visit} and {@code page_view}) are grouped into sessions: one session is
     * one {@code visit} touch, its entry page view (attribution README, "Sessions").
     */
    Sessions sessions();

    /** Web sessions. */
    interface Sessions {

        /**
         * A gap between two page views of a profile longer than this ends its session: the next visit starts a new one
         * (exactly this long still continues). Positive; default 30 minutes.
         */
        @WithDefault("30M")
        Duration inactivity();

        /**
         * Whether a visit inside the window whose campaign (channel, source, medium, campaign code, click id and value)
         * differs from the session's entry campaign starts a new session. Default {@code true}.
         */
        @WithDefault("true")
        boolean newOnCampaign();

        /**
         * Whether a visit inside the window from an external referrer (no campaign, a channel other than direct) whose
         * source differs from the session's entry source starts a new session. Default {@code true}.
         */
        @WithDefault("true")
        boolean newOnReferrer();
    }

    /** Lookback in days for touches whose tracking code resolves to no programme (1–90). */
    @WithDefault("30")
    int defaultLookbackDays();

    /** How long to wait for the broker to acknowledge a dead letter on tally.rejects. */
    @WithDefault("10s")
    Duration rejectTimeout();

    /** The memory k of the live {@code markov} model: 1, 2 or 3. */
    @WithDefault("1")
    int markovOrder();

    /**
     * The channels the {@code incremental} model treats as signals of purchase intent rather than causes: their
     * states earn nothing and tell intent apart from the other touches' lifts (default {@code direct}).
     */
    @WithDefault("direct")
    Set<String> intentSignals();

    /** When and on what the data-driven models (markov, shapley, incremental) are retrained. */
    Training training();

    /** Retraining of the data-driven models. */
    interface Training {

        /** A Quartz-style cron expression for retraining every enabled data-driven model, or {@code off}. */
        @WithDefault("0 30 2 * * ?")
        String cron();

        /** The training window: journeys that ended in this many days up to yesterday (UTC). */
        @WithDefault("30")
        int windowDays();

        /**
         * Bootstrap replicates for the 90 % interval of each state's share stored with every trained version
         * ({@code details.intervals}); each replicate refits the model, so training takes that many times longer;
         * 0 stores none.
         */
        @WithDefault("20")
        int intervalReplicates();
    }

    /** Bounds on what unverified events (the open collector and pixel) may join in the identity graph. */
    Identity identity();

    /** Identity graph bounds. */
    interface Identity {

        /**
         * The most anonymous ids (browsers, devices) unverified events may gather in one customer's profile; past it
         * they join no more, and each refusal is recorded (default 50).
         */
        @WithDefault("50")
        int maxAnonymousIds();
    }

    /** Monthly partitions of the touchpoint, ledger and journal tables. */
    Partitions partitions();

    /** Partition upkeep (see {@code MonthlyPartitions}). */
    interface Partitions {

        /** How many months after the current one have their partitions made ahead (default 3). */
        @WithDefault("3")
        int monthsAhead();

        /** How often the partitions are checked: the coming months made, rows in a default partition moved out. */
        @WithDefault("6h")
        String interval();
    }
}
